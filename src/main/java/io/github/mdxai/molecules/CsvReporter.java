package io.github.mdxai.molecules;

import io.github.mdxai.cv.CollectiveVariable;
import io.github.mdxai.util.CsvTable;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one CSV row per report: time, energy terms, potential, kinetic and total energy, temperature and the chosen
 * collective variables (angles in degrees, distances in nm), units in the header.
 */
public final class CsvReporter implements Reporter {

    private final Writer out;
    private final ForceField forceField;
    private final List<CollectiveVariable> cvs;
    private final double[] scratch;
    private final EnergyTerms terms = new EnergyTerms();
    private boolean headerWritten;

    public CsvReporter(Writer out, ForceField forceField, List<CollectiveVariable> cvs) {
        this.out = out;
        this.forceField = forceField;
        this.cvs = List.copyOf(cvs);
        this.scratch = new double[3 * forceField.atomCount()];
    }

    /** The header of the rows this reporter writes. */
    public List<String> header() {
        List<String> h = new ArrayList<>();
        h.add("step");
        h.add("time_ps");
        for (String name : EnergyTerms.NAMES) {
            h.add(name + "_kJmol");
        }
        h.add("potential_kJmol");
        h.add("kinetic_kJmol");
        h.add("total_kJmol");
        h.add("temperature_K");
        for (CollectiveVariable cv : cvs) {
            h.add(cv.column());
        }
        return h;
    }

    @Override
    public void report(State state, Integrator integrator) throws IOException {
        if (!headerWritten) {
            CsvTable.writeRow(out, header());
            headerWritten = true;
        }
        forceField.energyAndForces(state.x, scratch, terms);
        List<String> row = new ArrayList<>();
        row.add(Long.toString(state.step));
        row.add(CsvTable.format(state.time));
        for (double v : terms.values()) {
            row.add(CsvTable.format(v));
        }
        double potential = terms.potential();
        double kinetic = integrator.kineticEnergy(state);
        row.add(CsvTable.format(potential));
        row.add(CsvTable.format(kinetic));
        row.add(CsvTable.format(potential + kinetic));
        row.add(CsvTable.format(integrator.temperature(state)));
        for (CollectiveVariable cv : cvs) {
            row.add(CsvTable.format(cv.toInterface(cv.value(state.x))));
        }
        CsvTable.writeRow(out, row);
    }
}
