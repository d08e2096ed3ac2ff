package io.github.mdxai.commands.ij1;

import ij.gui.GenericDialog;
import io.github.mdxai.commands.host.CommandCatalog;
import io.github.mdxai.commands.host.CommandInputs;
import org.scijava.command.CommandInfo;
import org.scijava.module.ModuleItem;

import java.awt.Checkbox;
import java.awt.Choice;
import java.awt.TextField;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ImageJ GenericDialog generated from a command's inputs: label (with unit) per field, defaults, choices as
 * drop-downs, booleans as checkboxes, files and folders with Browse buttons, descriptions and bounds as help.
 * Values are read straight from the components, so the option text uses the command's own keys.
 */
final class DialogForm {

    private final CommandInfo info;
    private final List<ModuleItem<?>> items;
    private final GenericDialog dialog;
    private final List<Runnable> readers = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();

    DialogForm(CommandInfo info) {
        this.info = info;
        this.items = CommandInputs.of(info);
        this.dialog = new GenericDialog(CommandCatalog.title(info));
        build();
    }

    GenericDialog dialog() {
        return dialog;
    }

    private void build() {
        StringBuilder help = new StringBuilder("<html><h3>" + CommandCatalog.title(info) + "</h3>");
        if (info.getDescription() != null) {
            help.append("<p>").append(info.getDescription()).append("</p>");
        }
        help.append("<table>");
        for (ModuleItem<?> item : items) {
            String key = item.getName();
            String label = item.getLabel() == null || item.getLabel().isBlank() ? key : item.getLabel();
            Object def = CommandInputs.defaultOf(info, item);
            Class<?> type = item.getType();
            help.append("<tr><td><b>").append(label).append("</b> (key <tt>").append(key).append("</tt>)</td><td>")
                    .append(item.getDescription() == null ? "" : item.getDescription()).append(" [")
                    .append(CommandInputs.describe(item)).append("]</td></tr>");
            if (type == boolean.class || type == Boolean.class) {
                dialog.addCheckbox(label, def instanceof Boolean b && b);
                int index = dialog.getCheckboxes().size() - 1;
                readers.add(() -> options.put(key, Boolean.toString(((Checkbox) dialog.getCheckboxes().get(index)).getState())));
            } else if (item.getChoices() != null && !item.getChoices().isEmpty()) {
                String[] choices = item.getChoices().stream().map(String::valueOf).toArray(String[]::new);
                dialog.addChoice(label, choices, def == null ? choices[0] : def.toString());
                int index = dialog.getChoices().size() - 1;
                readers.add(() -> options.put(key, ((Choice) dialog.getChoices().get(index)).getSelectedItem()));
            } else {
                String text = def == null ? "" : def instanceof File f ? f.getPath() : def.toString();
                if (type == File.class && "directory".equals(item.getWidgetStyle())) {
                    dialog.addDirectoryField(label, text, 30);
                } else if (type == File.class) {
                    dialog.addFileField(label, text, 30);
                } else {
                    dialog.addStringField(label, text, type == String.class ? 30 : 10);
                }
                int index = dialog.getStringFields().size() - 1;
                readers.add(() -> {
                    String value = ((TextField) dialog.getStringFields().get(index)).getText().strip();
                    if (!value.isEmpty() || type == String.class) {
                        options.put(key, value);
                    }
                });
            }
        }
        help.append("</table></html>");
        dialog.addHelp(help.toString());
    }

    /** The option text the person entered, keyed by the command's input names (empty optional fields omitted). */
    Map<String, String> read() {
        options.clear();
        readers.forEach(Runnable::run);
        return new LinkedHashMap<>(options);
    }
}
