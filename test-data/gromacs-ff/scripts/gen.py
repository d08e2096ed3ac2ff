#!/usr/bin/env python3
"""Helpers of regenerate.sh (numpy only).

prune IN.top OUT.top      keep only the force-field table lines whose type names all occur in the molecules
                          (wildcard X aside); order is preserved, so grompp's look-ups pick the same entries
frames TOP IN.gro OUT.gro SEED SPEC...
                          conformations: random Gaussian displacements, then the backbone phi/psi of every
                          residue set exactly (rotating the atoms on one side of the bond); SPEC is phi,psi in
                          degrees, 'r' for uniform random, or 'n' for noise only
tables ENERGY.xvg DUMP.txt GRO COLUMNS... -> energies.csv and forces.csv in the current folder
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
    """Atoms reachable from c without crossing the bond b-c."""
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
    assert b not in seen, "ring through the rotated bond"
    return sorted(seen)


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


def closest(x, far):
    """The smallest distance between atoms 4 or more bonds apart (or in different molecules)."""
    d = np.linalg.norm(x[:, None, :] - x[None, :, :], axis=2)
    return float(np.min(d[far]))


def frames(top, gro, out, seed, specs):
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
    with open(out, "w") as f:
        for frame, spec in enumerate(specs):
            best, best_x, best_attempt = -1.0, None, 0
            for attempt in range(100):
                x = x0.copy()
                sigma = 0.008 if spec.startswith("h") else 0.003
                x += rng.normal(0.0, sigma, x.shape)
                start = 0
                for mol in instances:
                    n = len(mol["atoms"])
                    sub = x[start:start + n]
                    if spec not in ("n", "h"):
                        for phi, psi in backbone_dihedrals(mol["atoms"]):
                            if spec in ("r", "hr"):
                                tphi, tpsi = rng.uniform(-180, 180, 2)
                            else:  # a fixed target; moved by up to 15 degrees only if it clashes
                                tphi, tpsi = (float(v) for v in spec.split(","))
                                if attempt > 0:
                                    tphi, tpsi = tphi + rng.uniform(-15, 15), tpsi + rng.uniform(-15, 15)
                            if None not in phi:
                                set_dihedral(sub, n, mol["bonds"], *phi, tphi)
                            if None not in psi:
                                set_dihedral(sub, n, mol["bonds"], *psi, tpsi)
                    x[start:start + n] = sub
                    start += n
                gap = closest(x, far)
                if gap > best:
                    best, best_x, best_attempt = gap, x, attempt
                if gap >= 0.2:  # no clash: forces stay within a few 1e4 kJ/mol/nm
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


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "prune":
        prune(sys.argv[2], sys.argv[3])
    elif cmd == "frames":
        frames(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6:])
    elif cmd == "tables":
        tables(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:])
