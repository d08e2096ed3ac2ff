package io.github.mdxai.commands;

/**
 * Weights of the Plugins > MD XAI submenus, so that Fiji (which sorts menu entries by weight, then name) shows them in
 * the order of {@code plugins.config} (ImageJ 1.x, file order): by workflow, not alphabetically. Items within a
 * submenu carry their position as weight.
 */
final class Menus {

    static final double MOLECULES = 10;
    static final double SAMPLING = 20;
    static final double COMMITTORS = 30;
    static final double LEARNING = 40;
    static final double PARTICLES = 50;
    static final double STUDIES = 60;

    private Menus() {
    }
}
