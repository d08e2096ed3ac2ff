#!/usr/bin/env python3
"""Helpers of regenerate.sh (numpy only).

prune IN.top OUT.top      keep only the force-field table lines whose type names all occur in the molecules
                          (wildcard X aside); order is preserved, so grompp's look-ups pick the same entries
frames TOP IN.gro OUT.gro SEED [--attempts=N] [--heavy-gap=NM] SPEC...
                          conformations: random Gaussian displacements, then the backbone phi/psi of every
                          residue set exactly (rotating the atoms on one side of the bond), except proline's
                          phi (in its ring); SPEC is phi,psi in degrees, 'r' for uniform random, or 'n' for noise only
                          or one such item per residue, separated by '/' (fixed ones then stay exact);
                          ('h' prefix: larger displacements); of N attempts (100) the first without a clash is kept:
                          atoms 4+ bonds apart at least 0.2 nm apart, two heavy atoms at least --heavy-gap (0.2)
tables ENERGY.xvg DUMP.txt GRO COLUMNS... -> energies.csv and forces.csv in the current folder
build SEQUENCE OUT.pdb    heavy atoms of a capped peptide (e.g. ACE-LYS-PRO-PHE-NME) from internal coordinates:
                          standard bond lengths and angles, trans peptide bonds, phi -70 (proline -65), psi 140
acpype AMBER.top OUT.top  an acpype-like GAFF topology (types in the file, inline parameters) of a pdb2gmx molecule
"""
import math
import re
import sys

import numpy as np

TYPE_DIRECTIVES = {"atomtypes", "bondtypes", "angletypes", "dihedraltypes", "pairtypes", "nonbond_params",
                   "constrainttypes", "cmaptypes"}
ATOM_COUNT = {"bondtypes": 2, "angletypes": 3, "dihedraltypes": 4, "pairtypes": 2, "nonbond_params": 2,
              "constrainttypes": 2, "cmaptypes": 5}


def directive_of(line):
    m = re.match(r"\s*\[\s*(\S+)\s*\]", line)
    return m.group(1).lower() if m else None


def prune(src, dst):
    lines = open(src).read().split("\n")
    # join cmaptypes continuation lines into records first
    used = set()
    current = None
    atomtype_bond = {}
    for line in lines:
        d = directive_of(line)
        if d:
            current = d
            continue
        data = line.split(";")[0].split()
        if not data or line.startswith("#"):
            continue
        if current == "atoms":
            used.add(data[1])
        if current == "atomtypes":
            # name [bond_type] [at.num] mass charge ptype V W
            n = len(data)
            bond = data[1] if n >= 8 or (n == 7 and data[1][0].isalpha()) else data[0]
            atomtype_bond[data[0]] = bond
    names = set(used) | {atomtype_bond[t] for t in used if t in atomtype_bond} | {"X"}
    # grompp's banner names the user, host and date: left out so that regenerating changes nothing
    lines = [l for l in lines if not re.match(r";\s*(By user|On host|At date):", l)]
    out = []
    current = None
    skipping = False
    keeping = False
    for line in lines:
        if keeping or skipping:  # continuation of a multi-line record (cmaptypes)
            if keeping:
                out.append(line)
            keeping = keeping and line.rstrip().endswith("\\")
            skipping = skipping and line.rstrip().endswith("\\")
            continue
        d = directive_of(line)
        if d:
            current = d
            out.append(line)
            continue
        data = line.split(";")[0].split()
        if current in TYPE_DIRECTIVES and data and not line.startswith("#"):
            count = 1 if current == "atomtypes" else ATOM_COUNT[current]
            if current == "dihedraltypes" and not re.fullmatch(r"\d+", data[4] if len(data) > 4 else "x"):
                count = 2
            if not all(t in names for t in data[:count]):
                skipping = line.rstrip().endswith("\\")
                continue
        if current in TYPE_DIRECTIVES and not data and line.strip().startswith(";"):
            continue  # comment-only lines of the big tables
        keeping = line.rstrip().endswith("\\")
        out.append(line)
    open(dst, "w").write("\n".join(out))


def read_top_bonds_and_molecules(top):
    """Bonds (0-based, global) and (first atom, atom count) per molecule instance, with residue info."""
    types = {}
    current = None
    mol = None
    for line in open(top):
        d = directive_of(line)
        if d:
            current = d
            if d == "moleculetype":
                mol = None
            continue
        data = line.split(";")[0].split()
        if not data or line.startswith("#"):
            continue
        if current == "moleculetype":
            mol = {"atoms": [], "bonds": []}
            types[data[0]] = mol
        elif current == "atoms":
            mol["atoms"].append((int(data[2]), data[3], data[4]))
        elif current == "bonds":
            mol["bonds"].append((int(data[0]) - 1, int(data[1]) - 1))
        elif current == "molecules":
            types.setdefault("__order", []).append((data[0], int(data[1])))
    instances = []
    for name, count in types["__order"]:
        for _ in range(count):
            instances.append(types[name])
    return instances


def side(n, bonds, b, c):
    """Atoms reachable from c without crossing the bond b-c, or None if b is among them."""
    adj = [[] for _ in range(n)]
    for i, j in bonds:
        adj[i].append(j)
        adj[j].append(i)
    seen = {c}
    stack = [c]
    while stack:
        u = stack.pop()
        for w in adj[u]:
            if (u == c and w == b) or w in seen:
                continue
            seen.add(w)
            stack.append(w)
    return None if b in seen else sorted(seen)  # None: the bond is in a ring (proline's N-CA)


def dihedral(x, a, b, c, d):
    b1, b2, b3 = x[b] - x[a], x[c] - x[b], x[d] - x[c]
    m, n = np.cross(b1, b2), np.cross(b2, b3)
    return math.degrees(math.atan2(np.dot(np.cross(m, n), b2 / np.linalg.norm(b2)), np.dot(m, n)))


def set_dihedral(x, n, bonds, a, b, c, d, target):
    delta = math.radians(target - dihedral(x, a, b, c, d))
    axis = (x[c] - x[b]) / np.linalg.norm(x[c] - x[b])
    k = np.array([[0, -axis[2], axis[1]], [axis[2], 0, -axis[0]], [-axis[1], axis[0], 0]])
    rot = np.eye(3) + math.sin(delta) * k + (1 - math.cos(delta)) * k @ k
    moved = side(n, bonds, b, c)
    if moved is None:
        return  # proline's phi stays as built (plus noise)
    x[moved] = (x[moved] - x[c]) @ rot.T + x[c]


def backbone_dihedrals(atoms):
    """(phi quadruple, psi quadruple) of every residue with a CA, by atom names within the molecule."""
    index = {(r, name): k for k, (r, _, name) in enumerate(atoms)}
    out = []
    for r in sorted({r for r, _, _ in atoms}):
        if (r, "CA") not in index:
            continue
        phi = (index.get((r - 1, "C")), index.get((r, "N")), index[(r, "CA")], index.get((r, "C")))
        psi = (index.get((r, "N")), index[(r, "CA")], index.get((r, "C")), index.get((r + 1, "N")))
        out.append((phi, psi))
    return out


def read_gro(path):
    lines = open(path).read().split("\n")
    n = int(lines[1])
    atoms = lines[2:2 + n]
    x = np.array([[float(l[20:28]), float(l[28:36]), float(l[36:44])] for l in atoms])
    return lines[0], atoms, x, lines[2 + n]


def graph_distances(n, bonds):
    adj = [[] for _ in range(n)]
    for i, j in bonds:
        adj[i].append(j)
        adj[j].append(i)
    dist = np.full((n, n), 99)
    for a in range(n):
        dist[a, a] = 0
        frontier = [a]
        while frontier:
            nxt = []
            for u in frontier:
                for w in adj[u]:
                    if dist[a, w] == 99:
                        dist[a, w] = dist[a, u] + 1
                        nxt.append(w)
            frontier = nxt
    return dist


def closest(x, far, wanted):
    """The smallest distance between atoms 4 or more bonds apart (or in different molecules), in units of the
    wanted smallest distance of each pair."""
    d = np.linalg.norm(x[:, None, :] - x[None, :, :], axis=2)
    return float(np.min(d[far] / wanted[far]))


def frames(top, gro, out, seed, specs, attempts=100, heavy_gap=0.2):
    rng = np.random.default_rng(int(seed))
    instances = read_top_bonds_and_molecules(top)
    title, atoms, x0, box = read_gro(gro)
    n_all = len(atoms)
    far = np.ones((n_all, n_all), dtype=bool)
    start = 0
    for mol in instances:
        n = len(mol["atoms"])
        far[start:start + n, start:start + n] = graph_distances(n, mol["bonds"]) >= 4
        start += n
    heavy = np.array([not line[10:15].strip().startswith("H") for line in atoms])
    wanted = np.where(np.logical_and.outer(heavy, heavy), heavy_gap, 0.2)
    with open(out, "w") as f:
        for frame, spec in enumerate(specs):
            best, best_x, best_attempt = -1.0, None, 0
            for attempt in range(attempts):
                x = x0.copy()
                sigma = 0.008 if spec.startswith("h") else 0.003
                x += rng.normal(0.0, sigma, x.shape)
                start = 0
                for mol in instances:
                    n = len(mol["atoms"])
                    sub = x[start:start + n]
                    if spec not in ("n", "h"):
                        per_residue = spec.split("/")
                        for j, (phi, psi) in enumerate(backbone_dihedrals(mol["atoms"])):
                            item = per_residue[j % len(per_residue)]
                            if item in ("r", "hr"):
                                tphi, tpsi = rng.uniform(-180, 180, 2)
                            else:  # a fixed target; if it clashes, moved by up to 15 degrees (one for all residues)
                                tphi, tpsi = (float(v) for v in item.split(","))
                                if attempt > 0 and len(per_residue) == 1:
                                    tphi, tpsi = tphi + rng.uniform(-15, 15), tpsi + rng.uniform(-15, 15)
                            if None not in phi:
                                set_dihedral(sub, n, mol["bonds"], *phi, tphi)
                            if None not in psi:
                                set_dihedral(sub, n, mol["bonds"], *psi, tpsi)
                    x[start:start + n] = sub
                    start += n
                gap = closest(x, far, wanted)
                if gap > best:
                    best, best_x, best_attempt = gap, x, attempt
                if gap >= 1:  # no clash: forces stay within a few 1e4 kJ/mol/nm
                    break
            x, attempt = best_x, best_attempt
            f.write(f"frame {frame} spec {spec} attempt {attempt}, t= {float(frame):.1f}\n{len(atoms)}\n")
            for line, p in zip(atoms, x):
                f.write(f"{line[:20]}{p[0]:11.6f}{p[1]:11.6f}{p[2]:11.6f}\n")
            f.write(box + "\n")


def tables(xvg, dump, gro, columns):
    legends = []
    rows = []
    for line in open(xvg):
        m = re.match(r'@ s\d+ legend "(.*)"', line)
        if m:
            legends.append(m.group(1))
        elif line.strip() and line[0] not in "#@":
            rows.append(line.split())
    wanted = dict(c.split("=") for c in columns)  # csv_name=GROMACS legend
    with open("energies.csv", "w") as f:
        f.write("frame," + ",".join(f"{k}_kJmol" for k in wanted) + "\n")
        for k, row in enumerate(rows):
            values = []
            for name, legend in wanted.items():
                values.append(row[1 + legends.index(legend)] if legend in legends else "0")
            f.write(f"{k}," + ",".join(values) + "\n")
    forces = []
    current = None
    for line in open(dump):
        if re.match(r"\s*f \(\d+x3\):", line):
            current = []
            forces.append(current)
        elif current is not None:
            m = re.match(r"\s*f\[\s*(\d+)\]=\{\s*([^,]+),\s*([^,]+),\s*([^}]+)\}", line)
            if m:
                current.append([m.group(2).strip(), m.group(3).strip(), m.group(4).strip()])
            elif line.strip() and not line.strip().startswith("f["):
                current = None
    with open("forces.csv", "w") as f:
        f.write("frame,atom,fx_kJmolnm,fy_kJmolnm,fz_kJmolnm\n")
        for k, frame in enumerate(forces):
            for a, v in enumerate(frame):
                f.write(f"{k},{a + 1},{v[0]},{v[1]},{v[2]}\n")


# Heavy-atom internal coordinates: (atom, dihedral ref, angle ref, bonded ref, bond / A, angle / deg, dihedral / deg)
SIDE_CHAINS = {
    "ALA": [("CB", "C", "N", "CA", 1.53, 110.5, -120.0)],
    "GLY": [],
    "SER": [("CB", "C", "N", "CA", 1.53, 110.5, -120.0), ("OG", "N", "CA", "CB", 1.42, 111.1, 60.0)],
    "ASP": [("CB", "C", "N", "CA", 1.53, 110.5, -120.0), ("CG", "N", "CA", "CB", 1.52, 113.0, -65.0),
            ("OD1", "CA", "CB", "CG", 1.25, 119.0, -30.0), ("OD2", "CA", "CB", "CG", 1.25, 119.0, 150.0)],
    "LYS": [("CB", "C", "N", "CA", 1.53, 110.5, -120.0), ("CG", "N", "CA", "CB", 1.52, 114.1, -65.0),
            ("CD", "CA", "CB", "CG", 1.52, 111.3, 180.0), ("CE", "CB", "CG", "CD", 1.52, 111.3, 180.0),
            ("NZ", "CG", "CD", "CE", 1.49, 111.9, 180.0)],
    # the ring closes on N (CD-N 1.47 A) with these chi1/chi2
    "PRO": [("CB", "C", "N", "CA", 1.53, 103.0, -120.0), ("CG", "N", "CA", "CB", 1.50, 104.5, 29.6),
            ("CD", "CA", "CB", "CG", 1.51, 105.0, -36.0)],
    "PHE": [("CB", "C", "N", "CA", 1.53, 110.5, -120.0), ("CG", "N", "CA", "CB", 1.50, 113.8, -65.0),
            ("CD1", "CA", "CB", "CG", 1.39, 120.0, 90.0), ("CD2", "CA", "CB", "CG", 1.39, 120.0, -90.0),
            ("CE1", "CB", "CG", "CD1", 1.39, 120.0, 180.0), ("CE2", "CB", "CG", "CD2", 1.39, 120.0, 180.0),
            ("CZ", "CG", "CD1", "CE1", 1.39, 120.0, 0.0)],
    "CYS": [("CB", "C", "N", "CA", 1.53, 110.5, -120.0), ("SG", "N", "CA", "CB", 1.81, 114.0, -65.0)],
    "MET": [("CB", "C", "N", "CA", 1.53, 110.5, -120.0), ("CG", "N", "CA", "CB", 1.52, 114.0, -65.0),
            ("SD", "CA", "CB", "CG", 1.81, 112.7, 180.0), ("CE", "CB", "CG", "SD", 1.79, 100.5, 180.0)],
    "THR": [("CB", "C", "N", "CA", 1.53, 110.5, -120.0), ("OG1", "N", "CA", "CB", 1.42, 109.5, 60.0),
            ("CG2", "N", "CA", "CB", 1.53, 110.5, -60.0)],
    "VAL": [("CB", "C", "N", "CA", 1.53, 110.5, -120.0), ("CG1", "N", "CA", "CB", 1.53, 110.5, 175.0),
            ("CG2", "N", "CA", "CB", 1.53, 110.5, -65.0)],
    "LEU": [("CB", "C", "N", "CA", 1.53, 110.5, -120.0), ("CG", "N", "CA", "CB", 1.53, 116.3, -65.0),
            ("CD1", "CA", "CB", "CG", 1.52, 110.5, 175.0), ("CD2", "CA", "CB", "CG", 1.52, 110.5, -65.0)],
    "ILE": [("CB", "C", "N", "CA", 1.53, 110.5, -120.0), ("CG1", "N", "CA", "CB", 1.53, 110.4, -65.0),
            ("CG2", "N", "CA", "CB", 1.53, 110.5, 170.0), ("CD1", "CA", "CB", "CG1", 1.52, 114.0, 170.0)],
    "GLU": [("CB", "C", "N", "CA", 1.53, 110.5, -120.0), ("CG", "N", "CA", "CB", 1.52, 114.0, -65.0),
            ("CD", "CA", "CB", "CG", 1.52, 113.0, 180.0), ("OE1", "CB", "CG", "CD", 1.25, 119.0, -30.0),
            ("OE2", "CB", "CG", "CD", 1.25, 119.0, 150.0)],
    "ASN": [("CB", "C", "N", "CA", 1.53, 110.5, -120.0), ("CG", "N", "CA", "CB", 1.52, 112.6, -65.0),
            ("OD1", "CA", "CB", "CG", 1.23, 120.8, -30.0), ("ND2", "CA", "CB", "CG", 1.33, 116.4, 150.0)],
    "GLN": [("CB", "C", "N", "CA", 1.53, 110.5, -120.0), ("CG", "N", "CA", "CB", 1.52, 114.0, -65.0),
            ("CD", "CA", "CB", "CG", 1.52, 112.6, 180.0), ("OE1", "CB", "CG", "CD", 1.23, 120.8, -30.0),
            ("NE2", "CB", "CG", "CD", 1.33, 116.4, 150.0)],
    "ARG": [("CB", "C", "N", "CA", 1.53, 110.5, -120.0), ("CG", "N", "CA", "CB", 1.52, 114.0, -65.0),
            ("CD", "CA", "CB", "CG", 1.52, 111.0, 180.0), ("NE", "CB", "CG", "CD", 1.46, 112.0, 180.0),
            ("CZ", "CG", "CD", "NE", 1.33, 124.0, 180.0), ("NH1", "CD", "NE", "CZ", 1.33, 120.0, 0.0),
            ("NH2", "CD", "NE", "CZ", 1.33, 120.0, 180.0)],
    "TYR": [("CB", "C", "N", "CA", 1.53, 110.5, -120.0), ("CG", "N", "CA", "CB", 1.50, 113.8, -65.0),
            ("CD1", "CA", "CB", "CG", 1.39, 120.0, 90.0), ("CD2", "CA", "CB", "CG", 1.39, 120.0, -90.0),
            ("CE1", "CB", "CG", "CD1", 1.39, 120.0, 180.0), ("CE2", "CB", "CG", "CD2", 1.39, 120.0, 180.0),
            ("CZ", "CG", "CD1", "CE1", 1.39, 120.0, 0.0), ("OH", "CD1", "CE1", "CZ", 1.36, 120.0, 180.0)],
    # five-membered rings as regular pentagons (108 degrees), fused to a regular hexagon in tryptophan
    "HIS": [("CB", "C", "N", "CA", 1.53, 110.5, -120.0), ("CG", "N", "CA", "CB", 1.50, 113.7, -65.0),
            ("ND1", "CA", "CB", "CG", 1.38, 126.0, 90.0), ("CD2", "CA", "CB", "CG", 1.38, 126.0, -90.0),
            ("CE1", "CB", "CG", "ND1", 1.38, 108.0, 180.0), ("NE2", "CB", "CG", "CD2", 1.38, 108.0, 180.0)],
    "TRP": [("CB", "C", "N", "CA", 1.53, 110.5, -120.0), ("CG", "N", "CA", "CB", 1.50, 113.7, -65.0),
            ("CD1", "CA", "CB", "CG", 1.40, 126.0, 90.0), ("CD2", "CA", "CB", "CG", 1.40, 126.0, -90.0),
            ("NE1", "CB", "CG", "CD1", 1.40, 108.0, 180.0), ("CE2", "CB", "CG", "CD2", 1.40, 108.0, 180.0),
            ("CE3", "CB", "CG", "CD2", 1.40, 132.0, 0.0), ("CZ2", "CG", "CD2", "CE2", 1.40, 120.0, 180.0),
            ("CZ3", "CE2", "CD2", "CE3", 1.40, 120.0, 0.0), ("CH2", "CD2", "CE3", "CZ3", 1.40, 120.0, 0.0)],
}


def place(a, b, c, bond, angle, torsion):
    """The atom d bonded to c with |cd| = bond, angle b-c-d and dihedral a-b-c-d (NeRF)."""
    bc = (c - b) / np.linalg.norm(c - b)
    n = np.cross(b - a, bc)
    n /= np.linalg.norm(n)
    t, p = math.radians(angle), math.radians(torsion)
    d = np.array([-bond * math.cos(t), bond * math.sin(t) * math.cos(p), bond * math.sin(t) * math.sin(p)])
    return c + np.column_stack([bc, np.cross(n, bc), n]) @ d


def build(sequence, out):
    residues = sequence.split("-")
    assert residues[0] == "ACE" and residues[-1] == "NME", "capped peptides only: ACE-...-NME"
    atoms = []  # (residue index, residue name, atom name, xyz in A)
    ace = {"CH3": np.zeros(3), "C": np.array([1.52, 0.0, 0.0])}
    ace["O"] = np.array([1.52 - 1.23 * math.cos(math.radians(121.0)), 1.23 * math.sin(math.radians(121.0)), 0.0])
    atoms += [(1, "ACE", name, ace[name]) for name in ("CH3", "C", "O")]
    # previous residue's backbone: dihedral reference for N, "CA" (CH3 in ACE), C
    prev_n, prev_ca, prev_c, psi_ref = ace["O"], ace["CH3"], ace["C"], 180.0
    for k, name in enumerate(residues[1:], start=2):
        r = {"N": place(prev_n, prev_ca, prev_c, 1.335, 116.2, psi_ref)}
        if name == "NME":
            r["CH3"] = place(prev_ca, prev_c, r["N"], 1.458, 121.7, 180.0)
            atoms += [(k, name, "N", r["N"]), (k, name, "CH3", r["CH3"])]
            break
        r["CA"] = place(prev_ca, prev_c, r["N"], 1.458, 121.7, 180.0)
        r["C"] = place(prev_c, r["N"], r["CA"], 1.525, 111.2, -65.0 if name == "PRO" else -70.0)
        psi = 140.0
        r["O"] = place(r["N"], r["CA"], r["C"], 1.231, 120.5, psi + 180.0)
        for atom, da, aa, ba, bond, angle, torsion in SIDE_CHAINS[name]:
            r[atom] = place(r[da], r[aa], r[ba], bond, angle, torsion)
        atoms += [(k, name, atom, r[atom]) for atom in ["N", "CA", "C", "O"] + [s[0] for s in SIDE_CHAINS[name]]]
        prev_n, prev_ca, prev_c, psi_ref = r["N"], r["CA"], r["C"], psi
    centre = np.mean([p for *_, p in atoms], axis=0) - 30.0
    with open(out, "w") as f:
        f.write(f"REMARK   {sequence} heavy atoms built from internal coordinates (gen.py build)\n")
        f.write("CRYST1   60.000   60.000   60.000  90.00  90.00  90.00 P 1           1\n")
        for i, (k, res, atom, p) in enumerate(atoms, start=1):
            p = p - centre
            f.write(f"ATOM  {i:5d} {atom:<4s} {res:3s} A{k:4d}    {p[0]:8.3f}{p[1]:8.3f}{p[2]:8.3f}  1.00  0.00"
                    f"          {atom[0]:>2s}\n")
        f.write("TER\nEND\n")


# acpype's GAFF names for the AMBER types pdb2gmx gives N-methylacetamide, with GAFF's sigma and epsilon (nm, kJ/mol)
GAFF_TYPES = {"CT": "c3", "HC": "hc", "C": "c", "O": "o", "N": "n", "H": "hn", "H1": "h1"}
GAFF_LJ = {"c3": (3.39967e-01, 4.57730e-01), "hc": (2.64953e-01, 6.56888e-02), "c": (3.39967e-01, 3.59824e-01),
           "o": (2.95992e-01, 8.78640e-01), "n": (3.25000e-01, 7.11280e-01), "hn": (1.06908e-01, 6.56888e-02),
           "h1": (2.47135e-01, 6.56888e-02)}


def acpype(src, dst):
    """An acpype-like topology of a pdb2gmx AMBER molecule: atom types defined in the file (mass 0, masses in
    [ atoms ]), every bonded parameter written inline (made-up values, different per term): several funct 9 lines
    per quadruple, some propers as Ryckaert-Bellemans (older acpype), funct 4 impropers, one [ pairs ] line with
    its own sigma and epsilon."""
    current, atoms = None, []
    terms = {"bonds": [], "pairs": [], "angles": [], "dihedrals": []}
    for line in open(src):
        d = directive_of(line)
        if d:
            current = d
            continue
        data = line.split(";")[0].split()
        if not data or data[0].startswith("#"):
            continue
        if current == "atoms":
            atoms.append(data)
        elif current in terms:
            terms[current].append([int(v) for v in data])
    types = [GAFF_TYPES[a[1]] for a in atoms]
    out = ["; acpype-like GAFF topology (gen.py acpype): made-up bonded parameters, all inline", "",
           "[ defaults ]", "; nbfunc        comb-rule       gen-pairs       fudgeLJ fudgeQQ",
           "1               2               yes             0.5     0.8333", "", "[ atomtypes ]",
           ";name   bond_type     mass     charge   ptype   sigma         epsilon"]
    for t in dict.fromkeys(types):
        out.append(f" {t:<4s}     {t:<4s}        0.00000  0.00000   A     {GAFF_LJ[t][0]:.5e}   {GAFF_LJ[t][1]:.5e}")
    out += ["", "[ moleculetype ]", ";name            nrexcl", " NMA              3", "", "[ atoms ]",
            ";   nr  type  resi  res  atom  cgnr     charge      mass"]
    for a, t in zip(atoms, types):
        out.append(f"{a[0]:>6s}   {t:<4s}  1   NMA  {a[4]:>5s} {a[0]:>4s}  {float(a[6]):10.6f} {float(a[7]):10.5f}")
    out += ["", "[ bonds ]", ";   ai     aj funct   r             k"]
    for k, (i, j, _) in enumerate(terms["bonds"]):
        out.append(f"{i:6d} {j:6d}   1    {0.101 + 0.004 * k:.4e}    {2.5e5 + 1e4 * k:.4e}")
    out += ["", "[ pairs ]", ";   ai     aj    funct   (sigma epsilon where given)"]
    for k, (i, j, _) in enumerate(terms["pairs"]):
        out.append(f"{i:6d} {j:6d}      1" + ("   0.300  0.400" if k == 3 else ""))
    out += ["", "[ angles ]", ";   ai     aj     ak    funct   theta         cth"]
    for k, (i, j, l, _) in enumerate(terms["angles"]):
        out.append(f"{i:6d} {j:6d} {l:6d}      1    {105 + 0.7 * k:.4e}    {300 + 10 * k:.4e}")
    out += ["", "[ dihedrals ] ; propers", ";    i      j      k      l   func   phase     kd      pn  (or C0..C5)"]
    for k, (i, j, l, m, _) in enumerate(d for d in terms["dihedrals"] if d[4] == 9):
        q = f"{i:6d} {j:6d} {l:6d} {m:6d}"
        if k % 3 == 0:
            out.append(f"{q}      3    {0.6 + 0.1 * k:.5f}  1.90000  0.00000  -2.60000  0.00000  0.00000")
        else:
            out.append(f"{q}      9     0.00   {0.5 + 0.05 * k:.5f}   3")
            out.append(f"{q}      9   180.00   {1.2 + 0.1 * k:.5f}   2")
            if k % 3 == 1:
                out.append(f"{q}      9    30.00   0.80000   1")
    out += ["", "[ dihedrals ] ; impropers", ";    i      j      k      l   func   phase     kd      pn"]
    for k, (i, j, l, m, _) in enumerate(d for d in terms["dihedrals"] if d[4] == 4):
        out.append(f"{i:6d} {j:6d} {l:6d} {m:6d}      4   180.00   {4.6 + k:.5f}   2")
    out += ["", "[ system ]", " NMA", "", "[ molecules ]", "; Compound        nmols", " NMA              1", ""]
    open(dst, "w").write("\n".join(out))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "prune":
        prune(sys.argv[2], sys.argv[3])
    elif cmd == "frames":
        options = dict(a[2:].split("=") for a in sys.argv[6:] if a.startswith("--"))
        frames(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], [a for a in sys.argv[6:] if not a.startswith("--")],
               int(options.get("attempts", 100)), float(options.get("heavy-gap", 0.2)))
    elif cmd == "tables":
        tables(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:])
    elif cmd == "build":
        build(sys.argv[2], sys.argv[3])
    elif cmd == "acpype":
        acpype(sys.argv[2], sys.argv[3])
