// Free energy F = -kT ln P over two columns of my samples (e.g. a COLVAR with reweighting weights), as a calibrated image.
// Batch:  ImageJ -batch Free_energy_of_my_trajectory.ijm "input=/data/colvar.csv x=phi_deg y=psi_deg weights=weight bins=60 temperature=300 out=/data/fes"
args = getArgument();
if (args == "") {
    Dialog.create("Free energy of my trajectory");
    Dialog.addFile("Samples table (CSV)", "");
    Dialog.addString("X column", "phi_deg");
    Dialog.addString("Y column", "psi_deg");
    Dialog.addString("Weights column (empty = none)", "");
    Dialog.addDirectory("Output folder", getDirectory("home"));
    Dialog.show();
    args = "input=[" + Dialog.getString() + "] x=" + Dialog.getString() + " y=" + Dialog.getString()
        + " weights=[" + Dialog.getString() + "] out=[" + Dialog.getString() + "]";
}
run("Free Energy from Samples", args);
print("Free energy written to " + call("ij.Macro.getValue", args, "out", ""));
