package io.github.mdxai.commands.ij1;

import ij.Prefs;
import ij.gui.GenericDialog;
import ij.io.SaveDialog;
import io.github.mdxai.commands.host.CommandCatalog;
import io.github.mdxai.commands.host.CommandInputs;
import io.github.mdxai.commands.host.Hosts;
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
 * Values are read straight from the components, so the option text uses the command's own keys. The dialog starts
 * from the values last entered in it (ImageJ's preferences, per command and key); macros and the CLI never see them.
 */
final class DialogForm {

    private final CommandInfo info;
    private final List<ModuleItem<?>> items;
    private final GenericDialog dialog;
    private final List<Runnable> readers = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private final boolean remembered;
    private final org.scijava.module.ModuleInfo initialized;

    DialogForm(CommandInfo info) {
        this(info, true);
    }

    /** {@code remembered}: start from the last values entered in this dialog instead of the documented defaults. */
    DialogForm(CommandInfo info, boolean remembered) {
        this.info = info;
        this.remembered = remembered;
        this.items = CommandInputs.of(info);
        this.initialized = CommandInputs.initialized(Hosts.context(), info);
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
            Object documented = CommandInputs.defaultOf(info, item);
            Object def = remembered ? lastValue(item, documented) : documented;
            Class<?> type = item.getType();
            help.append("<tr><td><b>").append(label).append("</b> (key <tt>").append(key).append("</tt>)</td><td>")
                    .append(descriptionOf(item) == null ? "" : descriptionOf(item)).append(" [")
                    .append(CommandInputs.describe(item)).append("]</td></tr>");
            if (type == boolean.class || type == Boolean.class) {
                dialog.addCheckbox(label, def instanceof Boolean b && b);
                int index = dialog.getCheckboxes().size() - 1;
                readers.add(() -> options.put(key, Boolean.toString(((Checkbox) dialog.getCheckboxes().get(index)).getState())));
            } else if (!choicesOf(item).isEmpty()) {
                String[] choices = choicesOf(item).stream().map(String::valueOf).toArray(String[]::new);
                String selected = def == null || !java.util.Arrays.asList(choices).contains(def.toString()) ? choices[0] : def.toString();
                dialog.addChoice(label, choices, selected);
                int index = dialog.getChoices().size() - 1;
                String description = descriptionOf(item);
                if (description != null && !description.isBlank()) {
                    // what each choice means (presets with their expected time), under the drop-down
                    // one line per choice: a preset list on one line runs off the screen
                    dialog.addMessage(description.replace("; ", "\n"), null, java.awt.Color.DARK_GRAY);
                }
                readers.add(() -> options.put(key, ((Choice) dialog.getChoices().get(index)).getSelectedItem()));
            } else {
                String text = def == null ? "" : def instanceof File f ? f.getPath() : def.toString();
                if (type == File.class && "directory".equals(item.getWidgetStyle())) {
                    dialog.addDirectoryField(label, text, 30);
                } else if (type == File.class && "save".equals(item.getWidgetStyle())) {
                    addSaveField(label, text);
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

    /** A file field whose button opens a Save chooser (ImageJ's file field only opens existing files). */
    private void addSaveField(String label, String text) {
        dialog.addFileField(label, text, 30);
        TextField field = (TextField) dialog.getStringFields().get(dialog.getStringFields().size() - 1);
        java.awt.event.ActionListener save = e -> {
            File current = new File(field.getText().strip());
            String dir = current.getParent() == null ? null : current.getParent() + File.separator;
            SaveDialog chooser = new SaveDialog(label, dir, current.getName().isEmpty() ? "untitled" : current.getName(), "");
            if (chooser.getFileName() != null) {
                field.setText(chooser.getDirectory() + chooser.getFileName());
            }
        };
        for (java.awt.Component c : field.getParent().getComponents()) {
            if (c instanceof java.awt.Button button) {
                for (java.awt.event.ActionListener open : button.getActionListeners()) {
                    button.removeActionListener(open);
                }
                button.setLabel("Save as...");
                button.addActionListener(save);
            }
        }
    }

    /** The item's choices, from the initialized command where it sets them. */
    private List<?> choicesOf(ModuleItem<?> item) {
        ModuleItem<?> live = initialized.getInput(item.getName());
        if (live != null && live.getChoices() != null && !live.getChoices().isEmpty()) {
            return live.getChoices();
        }
        return item.getChoices() == null ? List.of() : item.getChoices();
    }

    /** The item's description, from the initialized command where it sets it (the studies' preset times). */
    private String descriptionOf(ModuleItem<?> item) {
        ModuleItem<?> live = initialized.getInput(item.getName());
        return live != null && live.getDescription() != null ? live.getDescription() : item.getDescription();
    }

    private String prefKey(ModuleItem<?> item) {
        return "mdxai." + info.getClassName() + "." + item.getName();
    }

    /** The value last entered for this command and key, converted like the field's text; the default if none. */
    private Object lastValue(ModuleItem<?> item, Object documented) {
        String last = Prefs.get(prefKey(item), null);
        if (last == null) {
            return documented;
        }
        Class<?> type = item.getType();
        if (type == boolean.class || type == Boolean.class) {
            return Boolean.parseBoolean(last);
        }
        return type == File.class ? new File(last) : last;
    }

    /** Stores what was entered, so the next interactive dialog of this command starts from it. */
    void remember(Map<String, String> entered) {
        for (ModuleItem<?> item : items) {
            String value = entered.get(item.getName());
            Prefs.set(prefKey(item), value == null ? "" : value);
        }
    }

    /** The option text the person entered, keyed by the command's input names (empty optional fields omitted). */
    Map<String, String> read() {
        options.clear();
        readers.forEach(Runnable::run);
        return new LinkedHashMap<>(options);
    }
}
