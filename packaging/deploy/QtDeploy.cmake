# Windows and macOS: copy the Qt libraries and plugins next to the executables at install time
# (windeployqt / macdeployqt through Qt's deployment API), so the NSIS installer and the .dmg are
# self-contained. QtKeychain's library is installed beside them.
qt_generate_deploy_app_script(
    TARGET cwconnector
    OUTPUT_SCRIPT cw_deploy_script
    NO_UNSUPPORTED_PLATFORM_ERROR)
install(SCRIPT "${cw_deploy_script}")

if(APPLE)
    set_target_properties(cwconnector PROPERTIES
        MACOSX_BUNDLE_INFO_PLIST "${CMAKE_CURRENT_LIST_DIR}/../macos/Info.plist.in"
        MACOSX_BUNDLE_BUNDLE_NAME "cwconnector"
        MACOSX_BUNDLE_GUI_IDENTIFIER "${CW_APP_ID}"
        MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
        MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}")
endif()
