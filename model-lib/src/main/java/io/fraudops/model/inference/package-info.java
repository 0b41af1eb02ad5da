/**
 * Inference configuration: which registered models score (one decides, others shadow), how their
 * inputs map to catalogue features, the fallback version and the default thresholds. Stored as one
 * object in a versioned S3 bucket, so every change is a new object version and rolling back is
 * selecting an older one.
 */
package io.fraudops.model.inference;
