#!/bin/bash
# The static ctrace in images without a C library, under podman (static.sh).
exec bash "$srcdir/tests/containers/static.sh" podman
