/**
 * Connections to the stores, built one way for the application, the tools and the benchmarks, and
 * how their endpoints are shown without credentials.
 */
package io.fraudops.feature.connection;
