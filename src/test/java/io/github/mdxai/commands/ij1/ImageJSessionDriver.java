package io.github.mdxai.commands.ij1;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.macro.MacroRunner;

import java.awt.EventQueue;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Drives a real ImageJ 1.x window on a (virtual) display as a person would: runs macros on ImageJ's macro thread,
 * watches the status bar and the progress bar, presses Esc, cancels dialogs, and prints what it saw as tagged lines
 * (STATUS, PROGRESS, CANCEL_MS, WINDOWS, LOG) for {@link ImageJSessionIT} to check.
 * Usage: {@code ImageJSessionDriver scenario macro-file}; scenarios: progress, cancel-dialog, windows.
 */
public final class ImageJSessionDriver {

    public static void main(String[] args) throws Exception {
        String scenario = args[0];
        String macro = Files.readString(Path.of(args[1]));
        ImageJ imagej = new ImageJ();
        waitFor(imagej::isShowing, 30_000);
        switch (scenario) {
            case "progress" -> progressThenEsc(imagej, macro);
            case "cancel-dialog" -> cancelDialog(macro);
            case "windows" -> windows(macro);
            case "each" -> each(macro);
            case "scijava" -> scijava(args[2], args[3], Path.of(args[1]).resolveSibling("scijava_energies.csv"));
            case "remember" -> remember(macro, args[2]);
            default -> throw new IllegalArgumentException(scenario);
        }
        System.out.println("LOG " + String.valueOf(IJ.getLog()).replace('\n', '|'));
        System.out.flush();
        System.exit(0);
    }

    /** Runs a long macro, records status texts and progress-bar positions, presses Esc and times the stop. */
    private static void progressThenEsc(ImageJ imagej, String macro) throws Exception {
        MacroRunner runner = new MacroRunner(macro);
        Thread thread = runner.getThread();
        Set<String> statuses = new LinkedHashSet<>();
        Set<Double> bar = new LinkedHashSet<>();
        long deadline = System.currentTimeMillis() + 120_000;
        while (thread.isAlive() && System.currentTimeMillis() < deadline) {
            statuses.add(ImageJ.getStatusBarText());
            double position = barPosition(imagej);
            if (position > 0) {
                bar.add(position);
            }
            if (bar.size() >= 5 && statuses.stream().anyMatch(s -> s.contains("Esc cancels"))) {
                break;
            }
            Thread.sleep(20);
        }
        System.out.println("STATUS " + String.join(" | ", statuses));
        System.out.println("PROGRESS " + bar);
        long pressed = System.nanoTime();
        // invokeLater: ImageJ's key handler waits up to 2 s for the macro to end, on the event thread.
        EventQueue.invokeLater(() -> imagej.dispatchEvent(new KeyEvent(imagej, KeyEvent.KEY_PRESSED,
                System.currentTimeMillis(), 0, KeyEvent.VK_ESCAPE, KeyEvent.CHAR_UNDEFINED)));
        // The command has stopped when no thread but the macro's runs MD XAI code (SciJava's bookkeeping of the
        // ended command then waits for the event thread, which ImageJ's Esc handler holds for up to 2 s).
        long stopped = -1;
        for (long end = System.currentTimeMillis() + 30_000; System.currentTimeMillis() < end; ) {
            if (!commandRunning(thread)) {
                stopped = (System.nanoTime() - pressed) / 1_000_000;
                break;
            }
            Thread.sleep(5);
        }
        thread.join(30_000);
        System.out.println("CANCEL_MS " + stopped);
        System.out.println("MACRO_THREAD_ENDED " + !thread.isAlive());
        Thread.sleep(300);
        System.out.println("FINAL_STATUS " + ImageJ.getStatusBarText());
    }

    /** Runs a macro whose first command opens its dialog, presses the dialog's Cancel button, waits for the macro. */
    private static void cancelDialog(String macro) throws Exception {
        MacroRunner runner = new MacroRunner(macro);
        Thread thread = runner.getThread();
        GenericDialog[] dialog = new GenericDialog[1];
        waitFor(() -> {
            for (Window w : Window.getWindows()) {
                if (w instanceof GenericDialog gd && gd.isShowing()) {
                    dialog[0] = gd;
                    return true;
                }
            }
            return false;
        }, 60_000);
        System.out.println("DIALOG " + dialog[0].getTitle());
        // A real click on Cancel, through the window system.
        java.awt.Button cancel = dialog[0].getButtons()[1];
        System.out.println("BUTTON " + cancel.getLabel());
        // A dialog can be showing before it has settled where it will stay (layout, window manager), and a click
        // then misses the button; a person clicks again, so up to three clicks, each at the button's current place.
        java.awt.Robot robot = new java.awt.Robot();
        for (int click = 0; click < 3 && thread.isAlive(); click++) {
            robot.waitForIdle();
            java.awt.Point at = cancel.getLocationOnScreen();
            robot.mouseMove(at.x + cancel.getWidth() / 2, at.y + cancel.getHeight() / 2);
            robot.mousePress(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);
            robot.mouseRelease(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);
            thread.join(10_000);
        }
        System.out.println("MACRO_THREAD_ENDED " + !thread.isAlive());
    }

    /**
     * Enters {@code bins=24} in the generated dialog of Free Energy from Samples and OKs it as a person would, shows
     * the dialog again (its text fields are printed), then runs a macro that leaves bins out.
     */
    private static void remember(String macro, String samples) throws Exception {
        org.scijava.command.CommandInfo info = io.github.mdxai.commands.host.CommandCatalog.byClass(
                io.github.mdxai.commands.host.Hosts.context(), "io.github.mdxai.commands.FreeEnergyFromSamples");
        DialogForm first = new DialogForm(info);
        @SuppressWarnings("unchecked")
        List<java.awt.TextField> fields = (List<java.awt.TextField>) (List<?>) first.dialog().getStringFields();
        fields.get(0).setText(samples);
        fields.get(3).setText("24");
        first.remember(first.read());
        DialogForm second = new DialogForm(info);
        @SuppressWarnings("unchecked")
        List<java.awt.TextField> again = (List<java.awt.TextField>) (List<?>) second.dialog().getStringFields();
        System.out.println("REOPENED " + again.stream().map(java.awt.TextField::getText).toList());
        new MacroRunner(macro).getThread().join(120_000);
    }

    /** Runs a macro to its end and lists the windows it left: tables and plots by title, images by title. */
    private static void windows(String macro) throws Exception {
        MacroRunner runner = new MacroRunner(macro);
        runner.getThread().join(600_000);
        Thread.sleep(500);
        List<String> titles = new ArrayList<>();
        for (String t : WindowManager.getNonImageTitles()) {
            titles.add(t);
        }
        int[] ids = WindowManager.getIDList();
        if (ids != null) {
            for (int id : ids) {
                ImagePlus imp = WindowManager.getImage(id);
                titles.add(imp.getTitle());
                System.out.println("IMAGE " + imp.getTitle() + " bits=" + imp.getBitDepth() + " defaultLut="
                        + imp.getProcessor().isDefaultLut() + " plot=" + (imp.getWindow() instanceof ij.gui.PlotWindow)
                        + " unit=" + imp.getCalibration().getUnit() + " overlay=" + (imp.getOverlay() != null));
            }
        }
        System.out.println("WINDOWS " + String.join(" | ", titles));
    }

    /**
     * Runs a macro line by line; after each line prints the windows it opened (NEW index kind title, images with
     * bit depth, LUT, calibration and overlay) and the Log lines it added (LOGGED index text).
     */
    private static void each(String macro) throws Exception {
        Set<Object> seen = new java.util.HashSet<>();
        int logged = 0;
        List<String> lines = macro.lines().filter(l -> !l.isBlank()).toList();
        for (int i = 0; i < lines.size(); i++) {
            long start = System.nanoTime();
            new MacroRunner(lines.get(i)).getThread().join(300_000);
            EventQueue.invokeAndWait(() -> { });
            System.out.printf("RAN %d %.1f s%n", i, (System.nanoTime() - start) / 1e9);
            for (java.awt.Frame f : WindowManager.getNonImageWindows()) {
                if (seen.add(f)) {
                    String kind = f instanceof ij.text.TextWindow tw && tw.getResultsTable() != null ? "table" : "text";
                    System.out.println("NEW " + i + " " + kind + " " + f.getTitle());
                }
            }
            int[] ids = WindowManager.getIDList();
            for (int id : ids == null ? new int[0] : ids) {
                ImagePlus imp = WindowManager.getImage(id);
                if (seen.add(imp)) {
                    boolean plot = imp.getWindow() instanceof ij.gui.PlotWindow;
                    System.out.println("NEW " + i + " " + (plot ? "plot" : "image") + " " + imp.getTitle()
                            + (plot ? "" : " | bits=" + imp.getBitDepth() + " defaultLut=" + imp.getProcessor().isDefaultLut()
                            + " unit=" + imp.getCalibration().getUnit() + " valueUnit=" + imp.getCalibration().getValueUnit()
                            + " overlay=" + (imp.getOverlay() != null)));
                }
            }
            String[] log = String.valueOf(IJ.getLog()).split("\n");
            for (; logged < log.length; logged++) {
                System.out.println("LOGGED " + i + " " + log[logged]);
            }
        }
    }

    /**
     * Runs Compute Energy through SciJava's module service with pre- and postprocessing, as Fiji's menus and scripts
     * do (not through our launcher), then lists the windows as {@link #windows} does.
     */
    private static void scijava(String structure, String topology, Path out) throws Exception {
        org.scijava.Context context = io.github.mdxai.commands.host.Hosts.context();
        org.scijava.command.CommandInfo info = io.github.mdxai.commands.host.CommandCatalog.byClass(context,
                "io.github.mdxai.commands.ComputeEnergy");
        java.util.Map<String, Object> inputs = new java.util.HashMap<>();
        inputs.put("structure", new java.io.File(structure));
        inputs.put("topology", new java.io.File(topology));
        inputs.put("out", out.toFile());
        inputs.put("forces", null);
        context.service(org.scijava.module.ModuleService.class).run(info, true, inputs).get();
        windows("");
    }

    private static boolean commandRunning(Thread macroThread) {
        return Thread.getAllStackTraces().entrySet().stream().anyMatch(e -> e.getKey() != macroThread
                && java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().startsWith("io.github.mdxai")
                        && !f.getClassName().startsWith(ImageJSessionDriver.class.getName())));
    }

    private static double barPosition(ImageJ imagej) {
        try {
            Field slow = ij.gui.ProgressBar.class.getDeclaredField("slowX");
            slow.setAccessible(true);
            return slow.getDouble(imagej.getProgressBar());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(50);
        }
    }
}
