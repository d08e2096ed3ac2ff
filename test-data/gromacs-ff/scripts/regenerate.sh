#!/bin/bash
# Regenerates test-data/gromacs-ff/{charmm27,oplsaa,amber-multi,...-gly,...-peptide} with Debian's GROMACS 2022.5 (gmx, gmx_d).
# Usage: scripts/regenerate.sh [work folder]   (run from test-data/gromacs-ff; needs python3 + numpy)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work/lib"
# mdrun aborts on VMs whose CPUID hides rdtscp; patched copies skip only that check (see ../ala2 reference README)
python3 "$here/scripts/patch_rdtscp.py" /usr/lib/x86_64-linux-gnu/libgromacs_d.so.7 "$work/lib/libgromacs_d.so.7"
export LD_LIBRARY_PATH="$work/lib"
gen="python3 $here/scripts/gen.py"

vacuum_mdp() { # cut-off $1 nm, no modifiers: with the whole system inside it, exact vacuum energies
cat <<MDP
cutoff-scheme = Verlet
pbc = xyz
coulombtype = Cut-off
coulomb-modifier = None
rcoulomb = $1
vdwtype = Cut-off
vdw-modifier = None
rvdw = $1
DispCorr = no
epsilon-r = 1
integrator = md
nsteps = 0
constraints = none
nstcalcenergy = 1
nstenergy = 1
nstxout = 1
nstfout = 1
comm-mode = None
MDP
}

# reference SYSTEM BOX CUTOFF SEED SPECS...: from $work/SYSTEM/{topol.top,conf.gro} to $here/SYSTEM/
reference() {
  local name=$1 box=$2 rc=$3 seed=$4; shift 4
  cd "$work/$name"
  vacuum_mdp "$rc" > vac.mdp
  gmx editconf -f conf.gro -o box.gro -box "$box" "$box" "$box" -c > /dev/null 2>&1
  gmx grompp -f vac.mdp -c box.gro -p topol.top -pp full.top -o pp.tpr -maxwarn "${MAXWARN:-0}" > /dev/null 2>&1
  mkdir -p "$here/$name"
  $gen prune full.top "$here/$name/topol.top"
  $gen frames "$here/$name/topol.top" box.gro "$here/$name/conformations.gro" "$seed" "$@"
  rerun "$name"
}

# rerun SYSTEM: energies.csv and forces.csv of $here/SYSTEM/{topol.top,conformations.gro} (from $work/SYSTEM/box.gro)
rerun() {
  local name=$1
  cd "$work/$name"
  gmx_d grompp -f vac.mdp -c box.gro -p "$here/$name/topol.top" -o rerun.tpr -maxwarn "${MAXWARN:-0}" > grompp.log 2>&1
  gmx_d mdrun -s rerun.tpr -rerun "$here/$name/conformations.gro" -deffnm rerun -nt 1 > mdrun.log 2>&1
  seq 1 30 | tr '\n' ' ' | gmx_d energy -f rerun.edr -dp -o rerun.xvg > /dev/null 2>&1
  GMX_PRINT_LONGFORMAT=1 gmx_d dump -f rerun.trr > dump.txt 2> /dev/null
  cd "$here/$name"
  $gen tables "$work/$name/rerun.xvg" "$work/$name/dump.txt" conformations.gro bond=Bond angle=Angle \
    g96_bond=G96Bond g96_angle=G96Angle urey_bradley=U-B proper=Proper\ Dih. rb=Ryckaert-Bell. fourier=Fourier\ Dih. improper=Per.\ Imp.\ Dih. \
    improper_harmonic=Improper\ Dih. cmap=CMAP\ Dih. lj14=LJ-14 coulomb14=Coulomb-14 lj=LJ\ \(SR\) \
    coulomb=Coulomb\ \(SR\) potential=Potential
}

# CHARMM27: ACE-ALA-CT3 (pdb2gmx's N-methylamide is CT3, amide H is HN); CMAP over the whole grid incl. edges
mkdir -p "$work/charmm27" && cd "$work/charmm27"
sed -e 's/NME/CT3/' -e 's/ H   ALA/ HN  ALA/' -e 's/ H   CT3/ HN  CT3/' "$here/ace_ala_nme.pdb" > in.pdb
printf '3\n5\n' | gmx pdb2gmx -f in.pdb -ff charmm27 -water none -ter -o conf.gro -p topol.top > pdb2gmx.log 2>&1
reference charmm27 6 2.5 15 n h -180,-180 180,180 -179.99,179.99 179.9,-179.9 -180,0 0,180 -172.5,-172.5 \
  -165,-165 172.5,-7.5 -7.5,172.5 -90,165 165,-90 -60,-45 -75,75 60,45 75,-60 -150,150 r r r r r r r r r r r r r r hr hr

# OPLS-AA: ACE-ALA-NAC (N-methylamide is NAC in oplsaa); RB dihedrals, geometric combination rule, fudge 0.5
mkdir -p "$work/oplsaa" && cd "$work/oplsaa"
sed -e 's/NME/NAC/' "$here/ace_ala_nme.pdb" > in.pdb
printf '3\n3\n' | gmx pdb2gmx -f in.pdb -ff oplsaa -water none -ter -o conf.gro -p topol.top > pdb2gmx.log 2>&1
reference oplsaa 6 2.5 16 n h -75,75 60,-60 -150,150 r r r r r r r hr hr

# Fourier dihedrals (funct 5): the OPLS-AA system with every type-resolved RB dihedral written as explicit Fourier
# terms (made-up F1..F4, different per dihedral), rerun on the same conformations
mkdir -p "$here/oplsaa-fourier" "$work/oplsaa-fourier"
awk 'BEGIN { n = 0 } /^\[/ { d = $2 } d == "dihedrals" && NF == 5 && $5 == 3 {
       n++; printf "%5d %5d %5d %5d     5 %.3f %.3f %.3f %.3f\n", $1, $2, $3, $4, 1 + 0.1 * n, -0.5 + 0.05 * n, 0.8, -0.3; next }
     { print }' "$here/oplsaa/topol.top" > "$here/oplsaa-fourier/topol.top"
cp "$here/oplsaa/conformations.gro" "$here/oplsaa-fourier/"
cp "$work/oplsaa/box.gro" "$work/oplsaa/vac.mdp" "$work/oplsaa-fourier/"
rerun oplsaa-fourier

# AMBER99SB-ILDN, two molecule types (chains A and B) with 1 + 2 copies, plus hand-made [ pairtypes ] that
# override gen-pairs for some type pairs (as acpype/GAFF topologies carry them)
mkdir -p "$work/amber-multi" && cd "$work/amber-multi"
awk '/^ATOM/' "$here/ace_ala_nme.pdb" > a.pdb
awk '/^ATOM/ {printf "%s%s%s%8.3f%s\n", substr($0,1,21), "B", substr($0,23,8), substr($0,31,8)+13, substr($0,39)}' "$here/ace_ala_nme.pdb" > b.pdb
(cat a.pdb; echo TER; cat b.pdb; echo TER; echo END) > in.pdb
printf '0\n0\n0\n0\n' | gmx pdb2gmx -f in.pdb -ff amber99sb-ildn -water none -ter -o two.gro -p topol.top > pdb2gmx.log 2>&1
# a third molecule: chain B again, 1.3 nm along y
python3 - <<'PY'
lines = open("two.gro").read().split("\n")
n = int(lines[1]); atoms = lines[2:2 + n]; half = atoms[n // 2:]
third = [l[:20] + "%8.3f%8.3f%8.3f" % (float(l[20:28]) - 1.3, float(l[28:36]) + 1.3, float(l[36:44])) for l in half]
third = ["%5d%s" % (int(l[:5]) + 2, l[5:]) for l in third]
open("conf.gro", "w").write("\n".join([lines[0], str(n + len(third))] + atoms + third + [lines[2 + n]]) + "\n")
PY
sed -i -e 's/^Protein_chain_B.*/Protein_chain_B     2/' topol.top
sed -i -e '/#include "amber99sb-ildn.ff\/forcefield.itp"/a \\n[ pairtypes ]\n; i j func sigma epsilon (override gen-pairs)\nHC C 1 0.27 0.07\nO CT 1 0.31 0.25\nH CT 1 0.24 0.05\nN H1 1 0.28 0.09\n' topol.top
reference amber-multi 10 4.0 17 n h r r r r r r hr hr
# GROMOS 54A7 (united atoms): ACE-ALA-COO- (ACE's methyl is CA in gromos; -ignh drops the non-polar H); comb-rule 1,
# gen-pairs no with [ pairtypes ], [ nonbond_params ], quartic bonds (funct 2), cosine angles (funct 2), harmonic
# impropers (funct 2); phi only (no residue after ALA)
mkdir -p "$work/gromos54a7" && cd "$work/gromos54a7"
grep -v NME "$here/ace_ala_nme.pdb" | sed -e 's/ CH3 ACE/ CA  ACE/' > in.pdb
printf '2\n0\n' | gmx pdb2gmx -f in.pdb -ff gromos54a7 -water none -ter -ignh -o conf.gro -p topol.top > pdb2gmx.log 2>&1
# (grompp's one warning here says GROMOS was parametrized with a twin-range cut-off: irrelevant in vacuum)
MAXWARN=1 reference gromos54a7 6 2.5 18 n h -180,0 179.9,0 -75,0 60,0 r r r r r hr hr
# grompp's 2-atom [ dihedraltypes ] form (as in gromos5x ffbonded.itp): one proper (funct 1: the two types are j, k)
# and one improper (funct 2: i, l) of the GROMOS system take their parameters from 2-atom entries instead of inline
mkdir -p "$here/gromos54a7-twoatom" "$work/gromos54a7-twoatom"
awk '/^\[ dihedraltypes \]/ { print; print "; the 2-atom form: funct 2 (improper) gives atoms i and l, other functs j and k"
       print "C      O      2    0.0   167.42309"; print "C      N      1    180.000   33.5   2"; next }
     /^\[/ { sec = $2 }
     sec == "dihedrals" && $1 == 1 && $2 == 2 && $3 == 4 && $4 == 6 && $5 == 1 { print "    1     2     4     6     1"; next }
     sec == "dihedrals" && $1 == 2 && $2 == 1 && $3 == 4 && $4 == 3 && $5 == 2 { print "    2     1     4     3     2"; next }
     { print }' "$here/gromos54a7/topol.top" > "$here/gromos54a7-twoatom/topol.top"
cp "$here/gromos54a7/conformations.gro" "$here/gromos54a7-twoatom/"
cp "$work/gromos54a7/box.gro" "$work/gromos54a7/vac.mdp" "$work/gromos54a7-twoatom/"
MAXWARN=1 rerun gromos54a7-twoatom
# Glycine dipeptide in the three families (a second molecule per family: no CB, charmm27's glycine CMAP type):
# heavy atoms of ACE-ALA-NME without CB, hydrogens added by pdb2gmx (-ignh)
grep -v -E " (CB|HB1|HB2|HB3) " "$here/ace_ala_nme.pdb" | sed 's/ALA/GLY/' | grep -v -E "^ATOM.{8} H" > "$work/ace_gly_nme.pdb"
mkdir -p "$work/charmm27-gly" && cd "$work/charmm27-gly"
sed -e 's/NME/CT3/' "$work/ace_gly_nme.pdb" > in.pdb
printf '3\n5\n' | gmx pdb2gmx -f in.pdb -ff charmm27 -water none -ter -ignh -o conf.gro -p topol.top > pdb2gmx.log 2>&1
reference charmm27-gly 6 2.5 19 n h -180,-180 180,180 -179.99,179.99 -75,75 75,-60 -150,150 r r r r hr hr
mkdir -p "$work/oplsaa-gly" && cd "$work/oplsaa-gly"
sed -e 's/NME/NAC/' "$work/ace_gly_nme.pdb" > in.pdb
printf '3\n3\n' | gmx pdb2gmx -f in.pdb -ff oplsaa -water none -ter -ignh -o conf.gro -p topol.top > pdb2gmx.log 2>&1
reference oplsaa-gly 6 2.5 20 n h -75,75 60,-60 r r r r hr hr
mkdir -p "$work/amber-gly" && cd "$work/amber-gly"
cp "$work/ace_gly_nme.pdb" in.pdb
printf '0\n0\n' | gmx pdb2gmx -f in.pdb -ff amber99sb-ildn -water none -ter -ignh -o conf.gro -p topol.top > pdb2gmx.log 2>&1
reference amber-gly 6 2.5 21 n h -75,75 60,-60 r r r r hr hr
# A longer capped peptide per family, heavy atoms from internal coordinates (gen.py build), hydrogens by pdb2gmx:
# lysine (+), two prolines (rings; charmm27's CMAP types before, between and after prolines), phenylalanine (aromatic
# ring, impropers), aspartate (-), serine (hydroxyl); proline's phi is left as built; extended, it is longer than
# 2.5 nm, hence the 4.0 nm cut-off in a 10 nm box; frames without heavy atoms closer than 0.3 nm (4+ bonds apart),
# so that forces stay below 1e5 kJ/mol/nm (printed to 9 digits)
python3 "$here/scripts/gen.py" build ACE-LYS-PRO-PRO-PHE-ASP-SER-NME "$work/peptide.pdb"
mkdir -p "$work/charmm27-peptide" && cd "$work/charmm27-peptide"
sed -e 's/NME/CT3/' "$work/peptide.pdb" > in.pdb
printf '3\n5\n' | gmx pdb2gmx -f in.pdb -ff charmm27 -water none -ter -ignh -o conf.gro -p topol.top > pdb2gmx.log 2>&1
reference charmm27-peptide 10 4.0 22 --attempts=1000 --heavy-gap=0.3 n \
  r/-65,180/-65,-180/179.9,-179.9/-180,180/180,-180 r/r/-65,179.9/-179.99,179.99/r/179.9,-180 r hr
mkdir -p "$work/oplsaa-peptide" && cd "$work/oplsaa-peptide"
sed -e 's/NME/NAC/' "$work/peptide.pdb" > in.pdb
printf '3\n3\n' | gmx pdb2gmx -f in.pdb -ff oplsaa -water none -ter -ignh -o conf.gro -p topol.top > pdb2gmx.log 2>&1
reference oplsaa-peptide 10 4.0 23 --attempts=1000 --heavy-gap=0.3 n -75,150 r hr
mkdir -p "$work/amber-peptide" && cd "$work/amber-peptide"
cp "$work/peptide.pdb" in.pdb
printf '0\n0\n' | gmx pdb2gmx -f in.pdb -ff amber99sb-ildn -water none -ter -ignh -o conf.gro -p topol.top > pdb2gmx.log 2>&1
reference amber-peptide 10 4.0 24 --attempts=1000 --heavy-gap=0.3 n -60,-45 hr
# GAFF as acpype writes it: N-methylacetamide's pdb2gmx topology rewritten with GAFF atom types defined in the file
# and every bonded parameter inline (gen.py acpype); no backbone dihedrals to set, so noise-only frames
python3 "$here/scripts/gen.py" build ACE-NME "$work/nma.pdb"
mkdir -p "$work/gaff-nma" && cd "$work/gaff-nma"
printf '0\n0\n' | gmx pdb2gmx -f "$work/nma.pdb" -ff amber99sb-ildn -water none -ter -ignh -o conf.gro -p amber.top > pdb2gmx.log 2>&1
$gen acpype amber.top topol.top
reference gaff-nma 6 2.5 25 n h h h
echo "written to $here; work files in $work"
