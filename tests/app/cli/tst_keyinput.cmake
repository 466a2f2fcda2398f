# Cli::KeyInput: parsing in-process, and the real stdin / environment / no-terminal paths through a helper
# that obtains keys exactly like cwconnector-cli does. Included from this folder's CMakeLists.txt.
add_executable(cw_keyinput_helper "${CMAKE_CURRENT_LIST_DIR}/tst_keyinput_helper.cpp")
target_link_libraries(cw_keyinput_helper PRIVATE cwcli)
cw_add_test(NAME tst_keyinput SOURCES "${CMAKE_CURRENT_LIST_DIR}/tst_keyinput.cpp" LIBS cwcli LABELS app)
target_compile_definitions(tst_keyinput PRIVATE CW_KEYINPUT_HELPER="$<TARGET_FILE:cw_keyinput_helper>")
add_dependencies(tst_keyinput cw_keyinput_helper)
