# A "lock" that is only a flag: test it, then set it. Both threads can see it clear.
# osim ostep x86 -p examples/ostep/flag.s -t 2 -a bx=3 -M flag,count -P 0011 -c --as-ostep
.var flag
.var count

.main
.top
.acquire
mov flag, %ax      # is the flag set?
test $0, %ax
jne .acquire       # yes: try again
mov $1, flag       # no: set it (too late, if the other thread looked meanwhile)
mov count, %ax     # critical section: count += 1
add $1, %ax
mov %ax, count
mov $0, flag       # release
sub $1, %bx
test $0, %bx
jgt .top
halt
