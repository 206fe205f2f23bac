# Prints the command README.md gives after the line <!-- MARKER -->
# (the first indented line after it): awk -v marker=ci-test-command -f ...
$0 == "<!-- " marker " -->" { grab = 1; next }
grab && /^    / { sub(/^    /, ""); print; exit }
