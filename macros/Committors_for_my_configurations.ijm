// Committors p_B of my configurations by shooting, then the distance features table that a committor network learns.
// Batch:  ImageJ -batch Committors_for_my_configurations.ijm "configs=/data/confs.gro topology=/data/topol.top out=/data/committors shots=100 tmax=1 seed=1"
// (states default to alanine dipeptide C7eq/C7ax; add states=/data/states.csv for your own system)
args = getArgument();
if (args == "") {
    Dialog.create("Committors for my configurations");
    Dialog.addFile("Configurations (.gro)", "");
    Dialog.addFile("Topology (.top)", "");
    Dialog.addDirectory("Output folder", getDirectory("home"));
    Dialog.addNumber("Shots per configuration", 100);
    Dialog.addNumber("Maximum time per shot (ps)", 1);
    Dialog.show();
    args = "configs=[" + Dialog.getString() + "] topology=[" + Dialog.getString() + "] out=[" + Dialog.getString()
        + "] shots=" + Dialog.getNumber() + " tmax=" + Dialog.getNumber();
}
configs = call("ij.Macro.getValue", args, "configs", "");
topology = call("ij.Macro.getValue", args, "topology", "");
out = call("ij.Macro.getValue", args, "out", "");
run("Compute Committors", args);
run("Build Distance Features", "configs=[" + configs + "] topology=[" + topology + "] committors=[" + out + File.separator + "committors.csv] out=[" + out + "]");
print("Committors and features written to " + out);
