/** What a simulated thread runs: programs of instructions, and their text form. */
package org.osim.api.program;
