package io.github.mdxai.commands;

import ij.ImagePlus;
import io.github.mdxai.commands.host.GridImages;
import io.github.mdxai.commands.host.Hosts;
import io.github.mdxai.commands.host.Luts;
import io.github.mdxai.cv.StatePair;
import io.github.mdxai.explain.Importance;
import io.github.mdxai.explain.PmfInFeaturesRun;
import io.github.mdxai.learn.CommittorModel;
import io.github.mdxai.util.CsvTable;
import io.github.mdxai.util.InputException;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Plugin;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * The free energy over two features (default: the two an explanation ranks first) from reweighted frames, with the
 * committor configurations coloured by p_B and the model's p_B = 0.5 line: the seed's Fig. 3b.
 */
@Plugin(type = Command.class, menu = {@Menu(label = "Plugins"), @Menu(label = "MD XAI"),
        @Menu(label = "Learning & Explanation", weight = Menus.LEARNING), @Menu(label = "PMF in Features", weight = 4)},
        description = "PMF in two features from reweighted frames, committor points by p_B and the model's p_B = 0.5 line")
public class PmfInFeatures implements Command {

    @Parameter(label = "Frames (COLVAR CSV with weights)", style = "file", persist = false,
            description = "reweighted frames, e.g. colvar.csv of a Metadynamics run with distances recorded")
    private File frames;

    @Parameter(label = "Committor dataset (CSV)", style = "file", persist = false,
            description = "features.csv from Build Distance Features: the two features and pB")
    private File dataset;

    @Parameter(label = "Committor model (zip, optional)", style = "file", required = false, persist = false,
            description = "draws the model's p_B = 0.5 line (mean model p_B of the frames in each bin)")
    private File model;

    @Parameter(label = "Importance (CSV, optional)", style = "file", required = false, persist = false,
            description = "importance_<method>.csv; its top two features are used when x and y are empty")
    private File importance;

    @Parameter(label = "X feature (empty = top of importance)", required = false, persist = false)
    private String x = "";

    @Parameter(label = "Y feature (empty = second of importance)", required = false, persist = false)
    private String y = "";

    @Parameter(label = "Weights column", persist = false)
    private String weights = "weight";

    @Parameter(label = "Skip first (ps)", min = "0", persist = false, description = "frames before this time are not used")
    private double skip = 0;

    @Parameter(label = "States file (CSV, empty = C7eq/C7ax)", style = "file", required = false, persist = false)
    private File states;

    @Parameter(label = "Bins per axis", min = "4", max = "1024", persist = false)
    private int bins = 60;

    @Parameter(label = "Temperature (K)", min = "1", persist = false)
    private double temperature = 300;

    @Parameter(label = "Colour maximum (kJ/mol)", min = "1", persist = false)
    private double fmax = 50;

    @Parameter(label = "Output folder", style = "directory", persist = false)
    private File out;

    @Parameter(type = ItemIO.OUTPUT, label = "PMF")
    private ImagePlus image;

    @Parameter(type = ItemIO.OUTPUT, label = "Summary")
    private String summary;

    @Parameter
    private LogService log;

    @Override
    public void run() {
        InputException.require(frames != null && dataset != null && out != null, "frames, dataset and out are required");
        String[] names = featureNames();
        CsvTable colvar = CsvTable.read(frames.toPath());
        CsvTable data = CsvTable.read(dataset.toPath());
        StatePair regions = StatePair.readOrDefault(states == null ? null : states.toPath());
        // the model's p_B of every frame runs in ND4J, which needs the plugin's class loader inside ImageJ
        PmfInFeaturesRun.Outcome o = Hosts.callWithOwnClassLoader(() -> PmfInFeaturesRun.run(colvar, skip, names[0],
                names[1], weights, regions, model == null ? null : CommittorModel.load(model.toPath()), data, bins, temperature));
        Path folder = out.toPath();
        GridImages.writeTiff(o.result().freeEnergy(), folder.resolve("pmf.tif"));
        PmfInFeaturesRun.write(o, folder, fmax);
        image = GridImages.toImagePlus(o.result().freeEnergy(), "pmf"); // the file's title: a host shows it once
        Luts.applyFreeEnergy(image);
        summary = PmfInFeaturesRun.summary(o);
        if (log != null) {
            log.info(summary);
        }
    }

    private String[] featureNames() {
        if (x != null && !x.isBlank() && y != null && !y.isBlank()) {
            return new String[] {x.strip(), y.strip()};
        }
        InputException.require(importance != null, "give x and y, or an importance CSV whose top two features to use");
        List<String> top = Importance.readCsv("", importance.toPath()).top(2);
        InputException.require(top.size() == 2, importance + ": expected at least two ranked features");
        return new String[] {top.get(0), top.get(1)};
    }
}
