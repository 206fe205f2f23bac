/* --tips: a tip about ctrace on stderr when it exits. */
#ifndef CTRACE_TIPS_H
#define CTRACE_TIPS_H

/* Print tip id (-1: one at random) in format TIPS_COMPACT or TIPS_FULL;
 * nothing for TIPS_NONE.  Printed once. */
void tips_print(int format, int id);

#endif
