/**
 * Learning with DeepLearning4J. The committor network: a dataset of feature columns and measured p_B
 * ({@link io.github.mdxai.learn.CommittorData}), split by configuration ({@link io.github.mdxai.learn.Split}),
 * standardized, trained with Adam and early stopping ({@link io.github.mdxai.learn.CommittorTrainer}) into a
 * {@link io.github.mdxai.learn.CommittorModel} (standardization -> MLP -> q, p_B = (1 + tanh q)/2) saved as one zip
 * with its feature names and metadata. Feature names are matched with or without their unit suffix, so a model
 * trained on the former bare names ({@code r6-10}) applies to tables with {@code r6-10_nm}.
 * {@code learn.graph} holds the graph attention classifier of Study B (ND4J arrays, passes on edge lists): first-shell graphs, batches,
 * model, trainer and experiment.
 */
package io.github.mdxai.learn;
