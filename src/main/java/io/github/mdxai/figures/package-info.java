/**
 * Figures for reports drawn to PNG with plain Java 2D (no ImageJ): surface plots with colour bars, scatter plots,
 * bar charts, axis ticks and the colour maps that the host's LUTs reuse ({@link io.github.mdxai.figures.ColourMaps}).
 */
package io.github.mdxai.figures;
