echo from bash
GREETING=hi
echo "$GREETING there"
