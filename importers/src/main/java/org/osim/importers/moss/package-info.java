/** The MOSS scheduling simulator's configuration files, with its draws of CPU times and its blocking rule. */
package org.osim.importers.moss;
