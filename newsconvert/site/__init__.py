"""Static-site builds: a folder of articles into a site, or into posts for a site generator.

``newsconvert build SRC -o OUT`` (:mod:`newsconvert.site.cli`) drives
:func:`newsconvert.site.builder.build`, which finds the sources (:mod:`.discover`), names them
(:mod:`.slugs`), skips what the manifest says is unchanged (:mod:`.manifest`), converts the rest
in a process pool, and writes the front page (:mod:`.index`), the Atom feed (:mod:`.feed`) or
the generators' front matter (:mod:`.frontmatter`).
"""
