/** The small public face of the kernel: the {@code Simulation} facade for embedding osim, and {@code Osim}, the plugins it found. */
package org.osim.kernel;
