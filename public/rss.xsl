<?xml version="1.0" encoding="UTF-8"?>
<!-- Makes a feed opened in a browser a readable page that explains how to subscribe. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom">
  <xsl:output method="html" encoding="UTF-8" indent="yes"/>
  <xsl:template match="/">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="/rss/channel/title"/> (RSS feed)</title>
        <style>
          :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.55; }
          body { max-width: 72ch; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
          .note { background: #eef3fc; color: #1a1a1a; border-left: 4px solid #1a56b8; padding: 0.75rem 1rem; border-radius: 4px; }
          code { word-break: break-all; }
          li { margin: 0.75rem 0; }
          .meta { color: #666; font-size: 0.9rem; }
        </style>
      </head>
      <body>
        <div class="note">
          <p><strong>This is an RSS feed.</strong> Copy its address into a feed reader (or an RSS-to-email service) to get new papers as they are published:</p>
          <p><code><xsl:value-of select="/rss/channel/atom:link[@rel='self']/@href"/></code></p>
        </div>
        <h1><xsl:value-of select="/rss/channel/title"/></h1>
        <p><xsl:value-of select="/rss/channel/description"/></p>
        <p><a><xsl:attribute name="href"><xsl:value-of select="/rss/channel/link"/></xsl:attribute>Visit the website →</a></p>
        <h2>Latest items</h2>
        <ol>
          <xsl:for-each select="/rss/channel/item">
            <li>
              <a><xsl:attribute name="href"><xsl:value-of select="link"/></xsl:attribute><xsl:value-of select="title"/></a>
              <div class="meta"><xsl:value-of select="substring(pubDate, 0, 17)"/></div>
            </li>
          </xsl:for-each>
        </ol>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
