package io.github.mdxai.grid;

import io.github.mdxai.util.AtomicFiles;
import io.github.mdxai.util.CsvTable;

import java.nio.file.Path;
import java.util.List;

/** A grid as a long-format CSV, one row per bin centre: {@code x_unit,y_unit,value_unit}; empty bins are NaN. */
public final class GridCsv {

    private GridCsv() {
    }

    public static void write(Grid2D grid, Path target) {
        AtomicFiles.writeText(target, w -> {
            CsvTable.writeRow(w, List.of(header(grid.x().name(), grid.x().unit()), header(grid.y().name(), grid.y().unit()),
                    header(grid.valueName(), grid.valueUnit())));
            for (int iy = 0; iy < grid.y().bins(); iy++) {
                for (int ix = 0; ix < grid.x().bins(); ix++) {
                    float v = grid.get(ix, iy);
                    w.write(CsvTable.format(grid.x().center(ix)) + "," + CsvTable.format(grid.y().center(iy)) + ","
                            + (Float.isNaN(v) ? "NaN" : CsvTable.format(v)) + "\n");
                }
            }
        });
    }

    /** "phi" + "deg" -> "phi_deg"; "F" + "kJ/mol" -> "F_kJmol"; no unit -> the name alone. */
    public static String header(String name, String unit) {
        if (unit == null || unit.isBlank()) {
            return name;
        }
        return name + "_" + unit.replace("/", "");
    }

    /** The unit a column header names by its suffix (phi_deg -> deg, r6-10_nm -> nm), or "" if none is known. */
    public static String unitOf(String column) {
        int us = column.lastIndexOf('_');
        if (us < 0) {
            return "";
        }
        String suffix = column.substring(us + 1);
        return switch (suffix) {
            case "kJmol" -> "kJ/mol";
            case "deg", "nm", "ps", "K", "sigma", "tau", "rad" -> suffix;
            default -> "";
        };
    }

    /** The name without a known unit suffix (phi_deg -> phi). */
    public static String nameOf(String column) {
        return unitOf(column).isEmpty() ? column : column.substring(0, column.lastIndexOf('_'));
    }
}
