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
            CsvTable.writeRow(w, List.of(CsvTable.header(grid.x().name(), grid.x().unit()), CsvTable.header(grid.y().name(), grid.y().unit()),
                    CsvTable.header(grid.valueName(), grid.valueUnit())));
            for (int iy = 0; iy < grid.y().bins(); iy++) {
                for (int ix = 0; ix < grid.x().bins(); ix++) {
                    float v = grid.get(ix, iy);
                    w.write(CsvTable.format(grid.x().center(ix)) + "," + CsvTable.format(grid.y().center(iy)) + ","
                            + (Float.isNaN(v) ? "NaN" : CsvTable.format(v)) + "\n");
                }
            }
        });
    }
}
