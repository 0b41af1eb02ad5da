/**
 * How well a trained model separates fraud on a period: ranking metrics, the confusion matrix at an
 * operating threshold, and the curves and score histograms a training report draws. Entry point:
 * {@link io.fraudops.model.training.evaluation.Performance#of}.
 */
package io.fraudops.model.training.evaluation;
