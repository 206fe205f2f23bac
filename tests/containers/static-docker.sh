#!/bin/bash
# The static ctrace in images without a C library, under docker (static.sh).
exec bash "$srcdir/tests/containers/static.sh" docker
