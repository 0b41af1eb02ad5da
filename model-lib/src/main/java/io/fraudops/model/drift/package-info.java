/**
 * Drift: how far the population being scored has moved from the one the model was trained on (PSI).
 */
package io.fraudops.model.drift;
