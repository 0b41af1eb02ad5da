/**
 * A compact gradient-boosted oblivious-tree trainer (logloss) whose models are written in
 * CatBoost's JSON format, so they are served by the same catboost4j path as models exported from
 * Python. Entry point: {@link io.fraudops.model.training.ObliviousTreeTrainer#fit}.
 */
package io.fraudops.model.training;
