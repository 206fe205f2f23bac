// A Go program for delve in tests/containers/tools.sh: prints its
// personality (ADDR_NO_RANDOMIZE is 00040000), then sleeps argv[1] seconds.
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

func main() {
	b, _ := os.ReadFile("/proc/self/personality")
	fmt.Printf("personality %s", b)
	if len(os.Args) > 1 {
		n, _ := strconv.Atoi(os.Args[1])
		time.Sleep(time.Duration(n) * time.Second)
	}
}
