package io.github.mdxai.commands.host;

import io.github.mdxai.util.InputException;
import org.scijava.ItemVisibility;
import org.scijava.command.CommandInfo;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;
import org.scijava.Context;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs of a command that a person sets (not services or messages), and the conversion of option text into
 * typed values with the checks every host needs: unknown keys, missing required inputs, wrong types, bounds, choices.
 */
public final class CommandInputs {

    private CommandInputs() {
    }

    /** The user-facing inputs of a command, in declaration order. */
    public static List<ModuleItem<?>> of(CommandInfo info) {
        List<ModuleItem<?>> items = new ArrayList<>();
        for (ModuleItem<?> item : info.inputs()) {
            Class<?> type = item.getType();
            if (Service.class.isAssignableFrom(type) || Context.class.isAssignableFrom(type)
                    || item.getVisibility() == ItemVisibility.MESSAGE) {
                continue;
            }
            items.add(item);
        }
        return items;
    }

    /**
     * The command's items as its initializer leaves them: choices and descriptions that come from a registry
     * (explanation methods, particle models, the studies' preset times) are set there, not in the annotations. The
     * static items when the initializer fails.
     */
    public static org.scijava.module.ModuleInfo initialized(Context context, CommandInfo info) {
        try {
            org.scijava.module.Module module = context.service(org.scijava.module.ModuleService.class).createModule(info);
            module.initialize();
            return module.getInfo();
        } catch (RuntimeException | org.scijava.module.MethodCallException e) {
            return info;
        }
    }

    /** Converts options (key -> text) into typed input values; keys are matched case-insensitively. */
    public static Map<String, Object> convert(CommandInfo info, Map<String, String> options) {
        List<ModuleItem<?>> items = of(info);
        Map<String, ModuleItem<?>> byKey = new LinkedHashMap<>();
        for (ModuleItem<?> item : items) {
            byKey.put(item.getName().toLowerCase(), item);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> option : options.entrySet()) {
            ModuleItem<?> item = byKey.get(option.getKey().toLowerCase());
            if (item == null) {
                throw new InputException("unknown key '" + option.getKey() + "' for \"" + CommandCatalog.title(info)
                        + "\"; valid keys: " + String.join(", ", byKey.keySet()));
            }
            values.put(item.getName(), value(item, option.getValue()));
        }
        for (ModuleItem<?> item : items) {
            if (item.isRequired() && !values.containsKey(item.getName()) && defaultOf(info, item) == null
                    && item.getType() != boolean.class) {
                throw new InputException("missing required input '" + item.getName() + "' (" + describe(item) + ")");
            }
        }
        return values;
    }

    /** One option text converted to the item's type and checked against its bounds and choices. */
    public static Object value(ModuleItem<?> item, String text) {
        Class<?> type = item.getType();
        String key = item.getName();
        String t = text.strip();
        Object value;
        try {
            if (type == int.class || type == Integer.class) {
                value = Integer.parseInt(t);
            } else if (type == long.class || type == Long.class) {
                value = Long.parseLong(t);
            } else if (type == double.class || type == Double.class) {
                double d = Double.parseDouble(t);
                if (Double.isNaN(d)) {
                    throw new NumberFormatException();
                }
                value = d;
            } else if (type == float.class || type == Float.class) {
                value = Float.parseFloat(t);
            } else if (type == boolean.class || type == Boolean.class) {
                if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
                    throw new NumberFormatException();
                }
                value = Boolean.parseBoolean(t);
            } else if (type == File.class) {
                value = new File(t);
            } else if (type == String.class) {
                value = text;
            } else {
                throw new InputException("input '" + key + "' has a type (" + type.getSimpleName() + ") that options cannot set");
            }
        } catch (NumberFormatException e) {
            throw new InputException("input '" + key + "' is '" + text + "', expected " + describe(item));
        }
        checkRange(item, value);
        List<?> choices = item.getChoices();
        if (choices != null && !choices.isEmpty() && !choices.contains(value)) {
            throw new InputException("input '" + key + "' is '" + text + "', expected one of " + choices);
        }
        return value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void checkRange(ModuleItem<?> item, Object value) {
        if (!(value instanceof Comparable)) {
            return;
        }
        Object min = item.getMinimumValue();
        Object max = item.getMaximumValue();
        Comparable c = (Comparable) value;
        if ((min != null && min.getClass() == value.getClass() && c.compareTo(min) < 0)
                || (max != null && max.getClass() == value.getClass() && c.compareTo(max) > 0)) {
            throw new InputException("input '" + item.getName() + "' is " + value + ", expected a value in ["
                    + (min == null ? "-inf" : min) + ", " + (max == null ? "inf" : max) + "]");
        }
    }

    /** Type, unit and bounds in words, for help and errors. */
    public static String describe(ModuleItem<?> item) {
        Class<?> type = item.getType();
        String kind;
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            kind = "an integer";
        } else if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            kind = "a number";
        } else if (type == boolean.class || type == Boolean.class) {
            kind = "true or false";
        } else if (type == File.class) {
            kind = "directory".equals(item.getWidgetStyle()) ? "a folder path" : "a file path";
        } else {
            kind = "text";
        }
        StringBuilder sb = new StringBuilder(kind);
        if (item.getMinimumValue() != null || item.getMaximumValue() != null) {
            sb.append(" in [").append(item.getMinimumValue() == null ? "-inf" : item.getMinimumValue()).append(", ")
                    .append(item.getMaximumValue() == null ? "inf" : item.getMaximumValue()).append(']');
        }
        if (item.getChoices() != null && !item.getChoices().isEmpty()) {
            sb.append(", one of ").append(item.getChoices());
        }
        return sb.toString();
    }

    /** The default value of an input: the field's initial value in a fresh instance of the command. */
    public static Object defaultOf(CommandInfo info, ModuleItem<?> item) {
        try {
            Object instance = info.loadClass().getDeclaredConstructor().newInstance();
            java.lang.reflect.Field field = findField(instance.getClass(), item.getName());
            if (field == null) {
                return null;
            }
            field.setAccessible(true);
            return field.get(instance);
        } catch (ReflectiveOperationException | org.scijava.InstantiableException e) {
            return null;
        }
    }

    private static java.lang.reflect.Field findField(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException ignored) {
                // look in the superclass
            }
        }
        return null;
    }
}
