// Local structure of my particle configuration or trajectory (LAMMPS data/dump, extended XYZ): coordination,
// Steinhardt q4/q6 and their averages, Voronoi volumes, with histograms.
// Batch:  ImageJ -batch Structure_of_my_configuration.ijm "input=/data/config.data neighbors=shell out=/data/structure"
args = getArgument();
if (args == "") {
    Dialog.create("Structure of my configuration");
    Dialog.addFile("Configuration or trajectory", "");
    Dialog.addChoice("Neighbours", newArray("shell", "cutoff", "nearest"), "shell");
    Dialog.addDirectory("Output folder", getDirectory("home"));
    Dialog.show();
    args = "input=[" + Dialog.getString() + "] neighbors=" + Dialog.getChoice() + " out=[" + Dialog.getString() + "]";
}
run("Structure Descriptors", args);
print("Structure descriptors written to " + call("ij.Macro.getValue", args, "out", ""));
