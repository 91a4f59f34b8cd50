# Peterson's solution for threads 0 and 1: %bx is the thread's number, %dx its turns.
# osim ostep x86 -p examples/ostep/peterson.s -t 2 -a bx=0:dx=5,bx=1:dx=5 -M count -i 2 -r -c --as-ostep
.var flag 2
.var turn
.var count

.main
lea flag, %fx          # fx = the address of flag[0]
mov %bx, %cx           # cx = the other thread: 1 - bx
neg %cx
add $1, %cx

.acquire
mov $1, 0(%fx,%bx,4)   # flag[self] = 1
mov %cx, turn          # turn = other
.spin
mov 0(%fx,%cx,4), %ax  # while (flag[other] == 1 and turn == other) spin
test $1, %ax
jne .critical
mov turn, %ax
test %cx, %ax
je .spin
.critical
mov count, %ax         # critical section: count += 1
add $1, %ax
mov %ax, count
mov $0, 0(%fx,%bx,4)   # flag[self] = 0
sub $1, %dx
test $0, %dx
jgt .acquire
halt
