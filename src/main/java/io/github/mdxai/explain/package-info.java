/**
 * Explanations of trained models. For the committor network, {@link io.github.mdxai.explain.CommittorExplainer} runs
 * LIME ({@link io.github.mdxai.explain.LimeTabular} with {@link io.github.mdxai.explain.WeightedRidge}), gradient
 * sensitivity and permutation importance and writes each ranking ({@link io.github.mdxai.explain.Importance}) with
 * their rank agreement; {@link io.github.mdxai.explain.CommittorLandscape} and
 * {@link io.github.mdxai.explain.PmfInFeaturesRun} draw the PMF in the two features an explanation names, with the
 * committor configurations and the network's p_B = 0.5 line. {@code explain.attention} analyses the attention of the
 * graph classifier of Study B against structural descriptors.
 */
package io.github.mdxai.explain;
