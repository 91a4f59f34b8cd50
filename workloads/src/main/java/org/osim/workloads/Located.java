package org.osim.workloads;

import java.util.Map;
import org.osim.api.SourceLocation;
import org.osim.api.program.Instruction;
import org.osim.api.program.Program;

/** An instruction of a workload with its place in the file, its process and that process's programs, for checks across the workload. */
record Located(Instruction instruction, SourceLocation at, Map<String, Program> programs, String process) {}
