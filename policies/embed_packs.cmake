# Generate a C file that holds every policies/*.yml as a byte array, so the
# packs are part of the binary and `extends: <pack>` works from a copied
# sdlgate. Run as: cmake -DPACK_DIR=... -DOUTPUT=... -P embed_packs.cmake
#
# Bytes are written as hex so that no YAML character (quotes, backslashes,
# semicolons, which CMake lists would split on) needs escaping.
if(NOT PACK_DIR OR NOT OUTPUT)
	message(FATAL_ERROR "embed_packs.cmake needs PACK_DIR and OUTPUT")
endif()

file(GLOB packs RELATIVE "${PACK_DIR}" "${PACK_DIR}/*.yml")
list(SORT packs)

set(body "/* Generated from the policies directory by cmake/embed_packs.cmake: do not edit. */\n")
string(APPEND body "#include \"policy/packs.h\"\n\n")
set(table "")
set(i 0)
foreach(pack ${packs})
	get_filename_component(name "${pack}" NAME_WE)
	file(READ "${PACK_DIR}/${pack}" hex HEX)
	string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," hex "${hex}")
	# one line of C per line of YAML
	string(REPLACE "0x0a," "0x0a,\n\t" hex "${hex}")
	string(APPEND body "static const char pack_${i}[] = {\n\t${hex}0x00\n};\n\n")
	string(APPEND table "\t{ \"${name}\", pack_${i}, sizeof(pack_${i}) - 1 },\n")
	math(EXPR i "${i} + 1")
endforeach()
string(APPEND body "const struct sg_pack_source sg_pack_sources[] = {\n${table}\t{ 0, 0, 0 },\n};\n")

# Rewrite only on change, so a rebuild does not recompile for nothing.
if(EXISTS "${OUTPUT}")
	file(READ "${OUTPUT}" old)
	if(old STREQUAL body)
		return()
	endif()
endif()
file(WRITE "${OUTPUT}" "${body}")
