package io.github.mdxai.committor;

import io.github.mdxai.molecules.Constraints;
import io.github.mdxai.molecules.ForceField;
import io.github.mdxai.molecules.Integrator;
import io.github.mdxai.molecules.LangevinBaoab;
import io.github.mdxai.molecules.Topology;
import io.github.mdxai.molecules.VelocityVerlet;
import io.github.mdxai.util.InputException;
import io.github.mdxai.util.CsvTable;

import java.util.Locale;

/**
 * How each shot runs: {@code shots} trajectories per configuration, each at most {@code tmax} ps, velocities drawn
 * from Maxwell-Boltzmann at {@code temperature} K, integrated by {@code dynamics} ("langevin": BAOAB with
 * {@code friction} 1/ps as in sampling; "nve": velocity Verlet) with time step {@code dt} ps and {@code constraints}
 * ("none" or "h-bonds"); the states are tested every {@code checkEvery} steps (and at the start and end).
 */
public record ShootingParameters(int shots, double tmax, double temperature, long seed, String dynamics,
                                 double friction, double dt, String constraints, int checkEvery) {

    /** The seed's settings: 100 shots of 1 ps at 300 K, Langevin 1/ps (GROMACS sd, tau-t 1 ps), 1 fs, no constraints. */
    public static ShootingParameters defaults(long seed) {
        return new ShootingParameters(100, 1.0, 300, seed, "langevin", 1.0, 0.001, "none", 5);
    }

    public ShootingParameters {
        dynamics = dynamics == null ? "" : dynamics.strip().toLowerCase(Locale.ROOT);
        constraints = constraints == null ? "" : constraints.strip().toLowerCase(Locale.ROOT);
        InputException.require(shots >= 1 && shots <= 1_000_000, "shots: expected 1..1000000 per configuration, got " + shots);
        InputException.require(Double.isFinite(tmax) && tmax > 0 && tmax <= 10_000, "tmax: expected a time in (0, 10000] ps, got " + tmax);
        InputException.require(Double.isFinite(temperature) && temperature > 0 && temperature <= 10_000,
                "temperature: expected (0, 10000] K, got " + temperature);
        InputException.require(dynamics.equals("langevin") || dynamics.equals("nve"),
                "dynamics: expected langevin or nve, got '" + dynamics + "'");
        InputException.require(Double.isFinite(friction) && friction >= 0 && friction <= 1000,
                "friction: expected [0, 1000] 1/ps, got " + friction);
        InputException.require(Double.isFinite(dt) && dt > 0 && dt <= 0.01, "dt: expected a time step in (0, 0.01] ps, got " + dt);
        InputException.require(constraints.equals("none") || constraints.equals("h-bonds"),
                "constraints: expected none or h-bonds, got '" + constraints + "'");
        InputException.require(checkEvery >= 1 && checkEvery <= 10_000, "check: expected 1..10000 steps between state tests, got " + checkEvery);
        InputException.require(tmax / dt <= Integer.MAX_VALUE, "tmax / dt is too many steps: " + tmax / dt);
    }

    /** Steps of one shot: tmax / dt rounded to the nearest step. */
    public int maxSteps() {
        return (int) Math.max(1, Math.round(tmax / dt));
    }

    /** A new integrator for one worker thread over a shared force field. */
    public Integrator integrator(ForceField forceField, Topology top) {
        Constraints c = Constraints.of(top, constraints.equals("h-bonds"));
        return dynamics.equals("langevin")
                ? new LangevinBaoab(forceField, top.masses(), temperature, friction, dt, c)
                : new VelocityVerlet(forceField, top.masses(), dt, c);
    }

    /** Every parameter as key=value, the text by which runs are compared. */
    public String describe() {
        return "shots=" + shots + " tmax_ps=" + CsvTable.format(tmax) + " temperature_K=" + CsvTable.format(temperature)
                + " seed=" + seed + " dynamics=" + dynamics
                + (dynamics.equals("langevin") ? " friction_per_ps=" + CsvTable.format(friction) : "")
                + " dt_ps=" + CsvTable.format(dt) + " constraints=" + constraints + " check_steps=" + checkEvery;
    }
}
