/** Plugin discovery with {@code ServiceLoader} and the Guice modules that assemble a simulation. */
package org.osim.kernel.plugin;
