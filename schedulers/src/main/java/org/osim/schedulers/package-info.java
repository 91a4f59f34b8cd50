/** The built-in scheduling policies, each a plugin written against {@code osim-api} alone. */
package org.osim.schedulers;
