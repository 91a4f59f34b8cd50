/** Public types shared by every part of osim: simulated time, errors, source locations and seeded random streams. */
package org.osim.api;
