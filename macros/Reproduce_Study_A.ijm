// Reproduces Study A (alanine dipeptide reaction coordinate, explained) into one folder.
// Batch:  ImageJ -batch Reproduce_Study_A.ijm "out=/path/to/results preset=quick seed=1 threads=2"
// GUI:    Plugins > Macros > Run..., then answer the dialog.
args = getArgument();
if (args == "") {
    Dialog.create("Reproduce Study A");
    Dialog.addDirectory("Output folder", getDirectory("home"));
    Dialog.addChoice("Preset", newArray("quick", "paper", "smoke"), "quick");
    Dialog.addNumber("Seed", 1);
    Dialog.show();
    args = "out=[" + Dialog.getString() + "] preset=" + Dialog.getChoice() + " seed=" + Dialog.getNumber();
}
run("Reproduce Study A", args);
print("Reproduce Study A finished: see summary.json and report.html in the output folder");
