/** rt-app's JSON workload descriptions, read with comments, trailing commas and repeated keys as rt-app reads them. */
package org.osim.importers.rtapp;
