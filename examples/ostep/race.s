# Two threads add 1 to the counter at address 2000, %bx times each, with no lock.
# osim ostep x86 -p examples/ostep/race.s -t 2 -a bx=3 -M 2000 -i 2 -c --as-ostep
.main
.top
mov 2000, %ax      # load the counter
add $1, %ax        # add one
mov %ax, 2000      # store it: an interrupt between load and store loses an update
sub $1, %bx
test $0, %bx
jgt .top
halt
