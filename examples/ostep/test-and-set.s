# A spin lock on an atomic exchange: the counter is always exact.
# osim ostep x86 -p examples/ostep/test-and-set.s -t 2 -a bx=5 -M mutex,count -i 3 -r -s 7 -c --as-ostep
.var mutex
.var count

.main
.top
.acquire
mov $1, %ax
xchg %ax, mutex    # swap 1 in; the old value says whether it was free
test $0, %ax
jne .acquire       # it was held: spin
mov count, %ax     # critical section: count += 1
add $1, %ax
mov %ax, count
mov $0, mutex      # release
sub $1, %bx
test $0, %bx
jgt .top
halt
