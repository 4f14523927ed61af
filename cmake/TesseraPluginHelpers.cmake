# SPDX-License-Identifier: GPL-3.0-or-later
#
# tessera_add_dashboard_plugin(<target>
#     ID <plugin id> [NAME <display name>] [VERSION <version>]
#     SOURCES <file>...)
#
# Builds a dashboard plugin: a Qt plugin linked to Tessera::Core whose metadata JSON
# (id, name, version, apiVersion) is generated for you. In the plugin's root class write
#     Q_PLUGIN_METADATA(IID TesseraDashboardPlugin_iid FILE "tessera_plugin.json")
function(tessera_add_dashboard_plugin target)
    cmake_parse_arguments(ARG "" "ID;NAME;VERSION" "SOURCES" ${ARGN})
    if(NOT ARG_ID)
        message(FATAL_ERROR "tessera_add_dashboard_plugin(${target}): ID is required")
    endif()
    if(NOT ARG_NAME)
        set(ARG_NAME "${ARG_ID}")
    endif()
    if(NOT ARG_VERSION)
        set(ARG_VERSION "${PROJECT_VERSION}")
    endif()

    set(meta_dir "${CMAKE_CURRENT_BINARY_DIR}/${target}_metadata")
    file(CONFIGURE OUTPUT "${meta_dir}/tessera_plugin.json" CONTENT
"{
    \"id\": \"${ARG_ID}\",
    \"name\": \"${ARG_NAME}\",
    \"version\": \"${ARG_VERSION}\",
    \"apiVersion\": ${TESSERA_API_VERSION}
}
")
    qt_add_plugin(${target} SHARED)
    target_sources(${target} PRIVATE ${ARG_SOURCES})
    set_target_properties(${target} PROPERTIES AUTOMOC ON PREFIX "")
    target_include_directories(${target} PRIVATE "${meta_dir}")
    target_link_libraries(${target} PRIVATE Tessera::Core)
    if(DEFINED TESSERA_BUILD_PLUGIN_DIR)
        set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${TESSERA_BUILD_PLUGIN_DIR}")
    endif()
    if(DEFINED TESSERA_PLUGIN_INSTALL_DIR)
        install(TARGETS ${target} LIBRARY DESTINATION "${TESSERA_PLUGIN_INSTALL_DIR}")
    endif()
endfunction()
