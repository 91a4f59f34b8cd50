/** Typed, documented parameters of plugins: their specifications and resolved values. */
package org.osim.api.param;
