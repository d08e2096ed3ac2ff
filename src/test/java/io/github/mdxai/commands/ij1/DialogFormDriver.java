package io.github.mdxai.commands.ij1;

import io.github.mdxai.commands.host.CommandCatalog;
import io.github.mdxai.commands.host.CommandInputs;
import io.github.mdxai.commands.host.CommandRunner;
import io.github.mdxai.commands.host.Hosts;
import org.scijava.Context;
import org.scijava.command.CommandInfo;

import java.awt.Label;
import java.awt.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drives the dialog path on a display: builds the generated dialog for a command, types into its fields as a
 * person would, reads the options back and runs the command. Prints the labels and options for the test to check.
 */
public final class DialogFormDriver {

    public static void main(String[] args) {
        Context context = Hosts.context();
        CommandInfo info = CommandCatalog.byClass(context, args[0]);
        DialogForm form = new DialogForm(info);
        List<String> labels = new ArrayList<>();
        for (java.awt.Component c : form.dialog().getComponents()) {
            if (c instanceof Label label) {
                labels.add(label.getText());
            }
        }
        System.out.println("LABELS " + labels);
        @SuppressWarnings("unchecked")
        List<TextField> fields = (List<TextField>) (List<?>) form.dialog().getStringFields();
        System.out.println("DEFAULTS " + fields.stream().map(TextField::getText).toList());
        for (int i = 1; i + 1 < args.length; i += 2) {
            fields.get(Integer.parseInt(args[i])).setText(args[i + 1]);
        }
        Map<String, String> options = form.read();
        System.out.println("OPTIONS " + options);
        CommandRunner.run(context, info, CommandInputs.convert(info, options));
        System.out.println("RAN OK");
        System.exit(0);
    }
}
