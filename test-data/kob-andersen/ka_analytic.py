"""Independent float64 numpy all-pairs check of a Kob-Andersen LAMMPS dump (id type x y z fx fy fz, orthorhombic).
Usage: python3 ka_analytic.py forces_N1000.dump
Prints PE per atom (shifted), the virial pressure W/(3V) and the largest difference to the dumped LAMMPS forces."""
import sys
import numpy as np

EPS = np.array([[1.0, 1.5], [1.5, 0.5]])
SIG = np.array([[1.0, 0.8], [0.8, 0.88]])
RC = 2.5 * SIG

lines = open(sys.argv[1]).read().split("\n")
n = int(lines[3])
bounds = np.array([[float(v) for v in lines[5 + a].split()[:2]] for a in range(3)])
length = bounds[:, 1] - bounds[:, 0]
data = np.array([[float(v) for v in l.split()] for l in lines[9:9 + n]])
types = data[:, 1].astype(int) - 1
x = data[:, 2:5]
f_lammps = data[:, 5:8]

energy = 0.0
virial = 0.0
forces = np.zeros_like(x)
for i in range(n - 1):
    d = x[i] - x[i + 1:]
    d -= length * np.rint(d / length)
    r2 = np.sum(d * d, axis=1)
    ti, tj = types[i], types[i + 1:]
    eps, sig, rc = EPS[ti, tj], SIG[ti, tj], RC[ti, tj]
    inside = r2 < rc * rc
    sr6 = (sig * sig / r2) ** 3
    src6 = (sig / rc) ** 6
    energy += np.sum(np.where(inside, 4 * eps * (sr6 * sr6 - sr6) - 4 * eps * (src6 * src6 - src6), 0.0))
    f_over_r = np.where(inside, 24 * eps * (2 * sr6 * sr6 - sr6) / r2, 0.0)
    fij = f_over_r[:, None] * d
    forces[i] += fij.sum(axis=0)
    forces[i + 1:] -= fij
    virial += np.sum(f_over_r * r2)
volume = np.prod(length)
print("pe_per_atom=%.17g press_virial=%.17g max_abs_force_diff=%.3g max_abs_force=%.6g"
      % (energy / n, virial / (3 * volume), np.max(np.abs(forces - f_lammps)), np.max(np.abs(f_lammps))))
