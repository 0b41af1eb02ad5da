/**
 * The training report: one self-contained HTML file (inline SVG charts, no script, nothing fetched)
 * that a person reads to decide whether a newly trained model should serve. Entry point: {@link
 * io.fraudops.model.training.report.TrainingReport#write}.
 */
package io.fraudops.model.training.report;
